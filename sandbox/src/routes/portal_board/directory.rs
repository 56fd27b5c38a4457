//! `GET /api/public/coworkers/published?query=&page=&size=`: the members' directory (contract
//! doc, portal rows), which is how a member finds people to mention. Customers only; it lists
//! the business's customers who may use the community, by name, matching `query` in the name
//! or company. Every seeded profile counts as published (the sandbox keeps no visibility
//! setting per profile).

use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::params;
use serde::Serialize;

use super::input::Query;
use super::wire::ListResult;
use super::Customer;
use crate::error::ApiError;
use crate::server::AppState;

pub const PATH: &str = "/api/public/coworkers/published";

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Published {
    pub id: i64,
    pub unique_id: String,
    pub full_name: String,
    pub guessed_first_name: String,
    pub avatar_url: String,
    pub position: Option<String>,
    pub company_name: Option<String>,
    pub profile_summary: Option<String>,
    pub profile_tags_list: Vec<String>,
}

pub async fn list(State(state): State<AppState>, customer: Customer, RawQuery(raw): RawQuery) -> Result<Json<ListResult<Published>>, ApiError> {
    let query = Query::parse(raw.as_deref())?;
    let (page, size) = query.paging()?;
    let text = query.text("query").unwrap_or("").to_owned();
    let me = customer.coworker_id;
    let (records, total) = state
        .db
        .call(move |conn| {
            // The caller's own business (their customer profile's).
            let matching = "c.business_id = (SELECT business_id FROM coworkers WHERE id = ?1) AND c.can_access_community = 1
                 AND (?2 = '' OR board_contains(c.full_name, ?2) OR board_contains(COALESCE(c.company_name, ''), ?2))";
            let total: i64 = conn.query_row(&format!("SELECT COUNT(*) FROM coworkers c WHERE {matching}"), params![me, text], |r| r.get(0))?;
            let mut stmt = conn.prepare(&format!(
                "SELECT c.id, c.unique_id, c.full_name, c.position, c.company_name FROM coworkers c
                 WHERE {matching} ORDER BY c.full_name COLLATE NOCASE, c.id LIMIT ?3 OFFSET ?4"
            ))?;
            let rows = stmt.query_map(params![me, text, size, (page - 1).saturating_mul(size)], |r| {
                let id: i64 = r.get(0)?;
                let full_name: String = r.get(2)?;
                Ok(Published {
                    id,
                    unique_id: r.get(1)?,
                    guessed_first_name: full_name.split_whitespace().next().unwrap_or_default().to_owned(),
                    full_name,
                    avatar_url: format!("/media/coworker/{id}/avatar"),
                    position: r.get(3)?,
                    company_name: r.get(4)?,
                    profile_summary: None,
                    profile_tags_list: Vec::new(),
                })
            })?;
            Ok((rows.collect::<Result<Vec<_>, _>>()?, total))
        })
        .await?;
    Ok(Json(ListResult::new(records, page, size, total, "FullName", false)))
}
