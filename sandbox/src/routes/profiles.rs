//! `GET /api/public/coworkers/profiles`: the signed-in member (contract doc §9).

use axum::extract::State;
use axum::Json;
use rusqlite::params;
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::server::AppState;

pub async fn who_am_i(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, ApiError> {
    let user_id = caller.user_id;
    let body = state
        .db
        .call(move |conn| {
            let user = conn.query_row("SELECT id, full_name, email, active, is_admin FROM users WHERE id = ?1", params![user_id], |r| {
                Ok(json!({
                    "Id": r.get::<_, i64>(0)?, "FullName": r.get::<_, String>(1)?, "Email": r.get::<_, String>(2)?,
                    "Active": r.get::<_, bool>(3)?, "IsAdmin": r.get::<_, bool>(4)?,
                }))
            })?;
            let mut stmt = conn.prepare(
                "SELECT c.id, c.full_name, c.company_name, b.id, b.name, b.web_address
                 FROM coworkers c JOIN businesses b ON b.id = c.business_id WHERE c.user_id = ?1 ORDER BY c.id",
            )?;
            let rows = stmt
                .query_map(params![user_id], |r| {
                    Ok((
                        json!({
                            "Id": r.get::<_, i64>(0)?, "FullName": r.get::<_, String>(1)?,
                            "CompanyName": r.get::<_, Option<String>>(2)?, "Active": true,
                        }),
                        json!({ "Id": r.get::<_, i64>(3)?, "Name": r.get::<_, String>(4)?, "WebAddress": r.get::<_, String>(5)? }),
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let default_business = rows.first().map(|(_, b)| b.clone()).unwrap_or(Value::Null);
            let profiles: Vec<Value> = rows
                .into_iter()
                .enumerate()
                .map(|(i, (mut p, _))| {
                    p["IsDefaultProfile"] = Value::Bool(i == 0);
                    p
                })
                .collect();
            Ok(json!({ "User": user, "DefaultBusiness": default_business, "Profiles": profiles }))
        })
        .await?;
    Ok(Json(body))
}
