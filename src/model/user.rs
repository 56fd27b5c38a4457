//! People: `User` records (authors) and the signed-in member's profile.

use crate::json::{FromJson, Json, JsonError, Object};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    pub id: i64,
    pub full_name: String,
    pub email: Option<String>,
    /// A full administrator (the profile's `User.IsAdmin`): the REST API is theirs.
    pub is_admin: bool,
}

/// `GET /api/public/coworkers/profiles`: who is signed in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    pub user: User,
    pub default_business: Option<Business>,
    pub profiles: Vec<CustomerProfile>,
}

/// One of the member's customer (coworker) profiles.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomerProfile {
    pub id: i64,
    pub is_default_profile: bool,
}

impl Profile {
    /// The ids the API wants on what this member writes.
    pub fn author(&self) -> super::Author {
        let coworker = self.profiles.iter().find(|p| p.is_default_profile).or(self.profiles.first()).map(|p| p.id);
        super::Author { user_id: self.user.id, business_id: self.default_business.as_ref().map_or(0, |b| b.id), coworker_id: coworker }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Business {
    pub id: i64,
    pub name: String,
}

// Read from the API, and written and read back as the member kept over a reload (in the API's
// own shape, so one reader does both).

impl FromJson for User {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a user")?;
        Ok(User { id: o.int("Id")?, full_name: o.text("FullName")?, email: o.opt_text("Email")?, is_admin: o.flag("IsAdmin")? })
    }
}

impl FromJson for Profile {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a profile")?;
        Ok(Profile { user: o.record("User")?, default_business: o.opt_record("DefaultBusiness")?, profiles: o.list("Profiles")? })
    }
}

impl FromJson for CustomerProfile {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a customer profile")?;
        Ok(CustomerProfile { id: o.int("Id")?, is_default_profile: o.flag("IsDefaultProfile")? })
    }
}

impl FromJson for Business {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object("a business")?;
        Ok(Business { id: o.int("Id")?, name: o.text("Name")? })
    }
}

impl Profile {
    /// The member as the board keeps it over a reload.
    pub fn to_json(&self) -> Json {
        let user = Object::new()
            .with("Id", self.user.id)
            .with("FullName", self.user.full_name.as_str())
            .with("Email", self.user.email.clone())
            .with("IsAdmin", self.user.is_admin);
        let business = self.default_business.as_ref().map(|b| Object::new().with("Id", b.id).with("Name", b.name.as_str()));
        let profiles: Vec<Json> =
            self.profiles.iter().map(|p| Object::new().with("Id", p.id).with("IsDefaultProfile", p.is_default_profile).into()).collect();
        Object::new().with("User", user).with("DefaultBusiness", business).with("Profiles", profiles).into()
    }
}

/// Up to two initials, for an avatar placeholder: "Tomás García" → "TG".
pub fn initials(full_name: &str) -> String {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let pick = match words.as_slice() {
        [] => vec![],
        [only] => vec![*only],
        [first, .., last] => vec![*first, *last],
    };
    pick.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
}
