//! Deterministic demo data: one business, groups of every access level, eleven people, 64
//! threads with tags, replies, likes, follows, a private thread with guests and a thread with
//! a Zoom meeting. Content and ids never change; times are laid out backwards from `anchor`
//! (the moment of seeding) so the board shows recent activity.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

pub const BUSINESS_ID: i64 = 1001;
pub const FIRST_THREAD_ID: i64 = 10001;
pub const THREAD_COUNT: i64 = 64;

/// A seeded account: what the README lists and the tests sign in with.
pub struct Account {
    pub user_id: i64,
    pub email: &'static str,
    pub password: &'static str,
    pub full_name: &'static str,
    pub is_admin: bool,
    pub roles: &'static str,
    pub totp: Option<&'static str>,
}

/// A community manager's roles: every community entity, and people and places to look up.
/// Nexudus gives REST roles to staff only; ordinary members hold none and use the Public API.
pub const MANAGER_ROLES: &str = "CommunityThread-List,CommunityThread-Read,CommunityThread-Create,CommunityThread-Edit,\
CommunityThread-Delete,CommunityMessage-List,CommunityMessage-Read,CommunityMessage-Create,CommunityMessage-Edit,\
CommunityMessage-Delete,CommunityGroup-List,CommunityGroup-Read,CommunityGroup-Create,CommunityGroup-Edit,\
CommunityGroup-Delete,CommunityThreadFollow-List,CommunityThreadFollow-Read,CommunityThreadFollow-Create,\
CommunityThreadFollow-Edit,CommunityThreadFollow-Delete,CommunityThreadLike-List,CommunityThreadLike-Read,\
CommunityThreadLike-Create,CommunityThreadLike-Edit,CommunityThreadLike-Delete,CommunityThreadMute-List,\
CommunityThreadMute-Read,CommunityThreadMute-Create,CommunityThreadMute-Edit,CommunityThreadMute-Delete,\
CommunityMessageLike-List,CommunityMessageLike-Read,CommunityMessageLike-Create,CommunityMessageLike-Edit,\
CommunityMessageLike-Delete,CommunityThreadFile-List,CommunityThreadFile-Read,\
CommunityThreadFile-Create,CommunityThreadFile-Edit,CommunityThreadFile-Delete,User-List,\
User-Read,Coworker-List,Coworker-Read,Business-List,Business-Read";

/// Staff who read the board but may not write (no Create, Edit or Delete roles), and may
/// look people up by id but not search them (User-Read without User-List).
pub const READER_ROLES: &str = "CommunityThread-List,CommunityThread-Read,CommunityMessage-List,\
CommunityMessage-Read,CommunityGroup-List,CommunityGroup-Read,CommunityThreadFile-List,CommunityThreadFile-Read,User-Read";

/// An ordinary member (a customer): no REST roles at all.
const fn member(user_id: i64, email: &'static str, full_name: &'static str) -> Account {
    Account { user_id, email, password: "demo-member", full_name, is_admin: false, roles: "", totp: None }
}

pub const ACCOUNTS: &[Account] = &[
    Account { user_id: 2001, email: "admin@example.com", password: "demo-admin", full_name: "Olivia Bennett", is_admin: true, roles: "", totp: None },
    member(2002, "member@example.com", "Sam Rivera"),
    member(2003, "priya@example.com", "Priya Natarajan"),
    member(2004, "tomas@example.com", "Tomás García"),
    member(2005, "amara@example.com", "Amara Okafor"),
    member(2006, "lukas@example.com", "Lukas Schneider"),
    member(2007, "mei@example.com", "Mei Chen"),
    member(2008, "jonas@example.com", "Jonas Lindqvist"),
    Account { totp: Some("246810"), ..member(2009, "twofactor@example.com", "Chloé Martin") },
    Account { password: "demo-reader", roles: READER_ROLES, ..member(2010, "reader@example.com", "Ray Reader") },
    Account { password: "demo-manager", roles: MANAGER_ROLES, ..member(2011, "manager@example.com", "Dana Whitfield") },
];

/// The account the quick start prints and the e2e journeys use.
pub const DEMO_MEMBER: &Account = &ACCOUNTS[1];

/// The community manager: staff with every community REST role, not an administrator.
pub const MANAGER: &Account = &ACCOUNTS[10];

/// The coworker (customer profile) id of a seeded user.
pub fn coworker_of(user_id: i64) -> i64 {
    user_id + 1000
}

struct Group {
    id: i64,
    name: &'static str,
    description: &'static str,
    access: i64,
    members: &'static [i64],
}

/// Access levels: 1 Restricted, 2 Public, 3 Private. Members are coworker ids.
const GROUPS: &[Group] = &[
    Group { id: 4001, name: "General", description: "Anything about life in the space.", access: 2, members: &[] },
    Group { id: 4002, name: "Events & Socials", description: "Meetups, lunches and after-work plans.", access: 2, members: &[] },
    Group { id: 4003, name: "Announcements", description: "News from the community team.", access: 1, members: &[3001] },
    Group { id: 4004, name: "Founders Circle", description: "Founders helping founders.", access: 1, members: &[3002, 3003, 3005] },
    Group { id: 4005, name: "Makers Lab", description: "3D printers, soldering and the workshop rota.", access: 3, members: &[3002, 3004, 3006] },
    Group { id: 4006, name: "Board of Directors", description: "Private to the board.", access: 3, members: &[3001, 3007] },
];

/// Subject, message, tags.
const TOPICS: &[(&str, &str, &str)] = &[
    ("Lunch spots near the office?", "Any tips for a quick lunch within five minutes' walk?\nVegetarian options especially welcome.", "food,local"),
    ("Printer on floor 2 keeps jamming", "It jams on double-sided jobs. Has anyone found a workaround?", "facilities,printing"),
    ("Monthly members' town hall", "Join us for the town hall: roadmap for the space, Q&A with the team.", "events,community"),
    ("Looking for a React contractor", "Two-month project, remote-friendly, starting next month. DM me.", "jobs,frontend"),
    ("Bike storage is full again", "Could we get a second rack in the courtyard?", "facilities,cycling"),
    ("Board games night this Thursday", "Bring your favourites. Snacks provided. 6pm in the lounge.", "events,games"),
    ("Recommendations for an accountant", "Small limited company, first year of trading. Who do you use?", "finance,recommendations"),
    ("Quiet room booking etiquette", "Should we cap quiet-room bookings at two hours when it's busy?", "community,meeting-rooms"),
    ("Coffee machine descaling schedule", "The flat white tastes off. When was it last descaled?", "facilities,coffee"),
    ("Pitch practice group", "Anyone want to rehearse investor pitches together on Fridays?", "founders,pitching"),
    ("Welcome our new members!", "Say hello to everyone who joined this month.", "community,welcome"),
    ("Running club: Tuesday 7am", "A gentle 5k along the river. All paces welcome.", "sport,wellbeing"),
    ("Wi-Fi drops around 3pm", "Every afternoon the Wi-Fi on floor 3 drops for a minute or two.", "facilities,wifi"),
    ("Hiring: junior product designer", "We're a six-person team building tools for charities.", "jobs,design"),
    ("Book swap shelf", "I've started a swap shelf by the kitchen. Take one, leave one.", "community,books"),
    ("3D printer filament order", "Putting in a bulk PLA order. Reply with colours you need.", "makers,3d-printing"),
    ("Mentoring for first-time founders", "I've run two startups and have a few hours a month to give back.", "founders,mentoring"),
    ("Parking permits for visitors", "How do I get a day permit for a client visiting on Monday?", "facilities,parking"),
    ("Friday drinks on the roof", "Weather looks good. Rooftop from 5pm, bring a friend.", "events,social"),
    ("Favourite note-taking apps?", "Trying to get my notes under control. What works for you?", "tools,productivity"),
    ("Standing desks: worth it?", "Thinking of renting one of the standing desks. Opinions?", "wellbeing,furniture"),
    ("Kitchen fridge clear-out Friday", "Anything unlabelled goes at 4pm. Label your lunch!", "facilities,kitchen"),
    ("Photography walk this weekend", "Meeting at the front desk at 10am Saturday.", "events,photography"),
    ("Need a co-founder with sales experience", "B2B SaaS for logistics, pre-seed. Happy to chat over coffee.", "founders,sales"),
    ("Soldering station rota", "Let's share the soldering station fairly: sign up by the hour.", "makers,electronics"),
    ("Phone booth etiquette", "Please keep calls under 30 minutes when others are waiting.", "community,phone-booths"),
    ("Yoga at lunchtime", "Thirty-minute stretch session, Wednesdays 12:30 in room B.", "wellbeing,yoga"),
    ("Tax deadline reminders", "Self-assessment is due soon. Happy to share my checklist.", "finance,tax"),
    ("Plant watering volunteers", "The plants on floor 1 need some love. Who's in?", "community,plants"),
    ("Laser cutter training session", "Mandatory before first use. Two slots left on Tuesday.", "makers,training"),
    ("Podcast recording room", "Is there interest in turning the small room into a podcast booth?", "facilities,podcasting"),
    ("Holiday opening hours", "The space closes early on the 24th and reopens on the 2nd.", "announcements,holidays"),
];

const REPLIES: &[&str] = &[
    "Great idea, count me in.",
    "The place on the corner does a good soup of the day.",
    "I had the same problem last week. Reported it to the front desk.",
    "Thanks for organising this!",
    "Could we do it a bit later in the day?",
    "+1, this would help a lot.",
    "I can help with that. Sending you a message.",
    "Is there a sign-up sheet somewhere?",
    "Worked for me after a restart.",
    "See you there!",
    "I'd suggest asking the community team; they sorted it quickly for us.",
    "Here's a link with more details: https://example.com/details",
];

fn unique_id(kind: u32, id: i64) -> String {
    format!("{kind:08x}-5eed-4000-8000-{id:012x}")
}

pub fn timestamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Fills an empty database. Runs in one transaction: a half-seeded file never exists.
pub fn seed(conn: &mut Connection, anchor: DateTime<Utc>) -> rusqlite::Result<()> {
    let anchor = anchor - Duration::nanoseconds(anchor.timestamp_subsec_nanos().into());
    let at = |minutes_ago: i64| timestamp(anchor - Duration::minutes(minutes_ago));
    let setup = at(60 * 24 * 400);
    let tx = conn.transaction()?;

    tx.execute(
        "INSERT INTO businesses (id, unique_id, name, web_address, created_on, updated_on, updated_by)
         VALUES (?1, ?2, 'Harbour Works Coworking', 'harbourworks.spaces.nexudus.com', ?3, ?3, 'admin@example.com')",
        params![BUSINESS_ID, unique_id(1, BUSINESS_ID), setup],
    )?;
    for a in ACCOUNTS {
        tx.execute(
            "INSERT INTO users (id, unique_id, email, password, full_name, totp, is_admin, roles, created_on, updated_on, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, 'admin@example.com')",
            params![a.user_id, unique_id(2, a.user_id), a.email, a.password, a.full_name, a.totp, a.is_admin, a.roles, setup],
        )?;
        let coworker = coworker_of(a.user_id);
        tx.execute(
            "INSERT INTO coworkers (id, unique_id, user_id, business_id, full_name, email, created_on, updated_on, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 'admin@example.com')",
            params![coworker, unique_id(3, coworker), a.user_id, BUSINESS_ID, a.full_name, a.email, setup],
        )?;
    }
    for g in GROUPS {
        tx.execute(
            "INSERT INTO community_groups (id, unique_id, business_id, user_id, name, description, group_access, created_on, updated_on, updated_by)
             VALUES (?1, ?2, ?3, 2001, ?4, ?5, ?6, ?7, ?7, 'admin@example.com')",
            params![g.id, unique_id(4, g.id), BUSINESS_ID, g.name, g.description, g.access, setup],
        )?;
        for m in g.members {
            tx.execute("INSERT INTO community_group_members (group_id, coworker_id) VALUES (?1, ?2)", params![g.id, m])?;
        }
    }

    let authors: Vec<&Account> = ACCOUNTS[1..9].iter().collect();
    let mut message_id = 50001;
    let mut mark_id = 70001;
    for k in 0..THREAD_COUNT {
        let id = FIRST_THREAD_ID + k;
        // The newest threads carry the plain subjects; the older round is marked as such.
        let newest_first = (THREAD_COUNT - 1 - k) as usize;
        let (topic_subject, body, tags) = TOPICS[newest_first % TOPICS.len()];
        let subject = if newest_first < TOPICS.len() { topic_subject.to_owned() } else { format!("{topic_subject} (last year)") };
        let group: Option<i64> = match k % 8 {
            0 | 3 => None,
            1 | 5 => Some(4001),
            2 => Some(4002),
            4 => Some(4004),
            6 => Some(if k % 16 == 14 { 4006 } else { 4005 }),
            _ => Some(4003),
        };
        let author = if group == Some(4003) { &ACCOUNTS[0] } else { authors[(k as usize * 3) % authors.len()] };
        // Private thread with guests the demo member is one of; another they may not see.
        let (private, guests): (bool, &[i64]) = match k {
            58 => (true, &[2002, 2004]),
            50 => (true, &[2006]),
            _ => (false, &[]),
        };
        let private_author = match k {
            58 => &ACCOUNTS[2],
            50 => &ACCOUNTS[4],
            _ => author,
        };
        let zoom = (k == 61).then(|| {
            // Invented shape (the docs leave ZoomEventData undocumented): Zoom's create-meeting fields.
            format!(
                r#"{{"id":"81234567890","join_url":"https://zoom.us/j/81234567890","password":"harbour","topic":"Monthly members' town hall","start_time":"{}","duration":45}}"#,
                at(-60 * 24 * 3)
            )
        });
        let created_minutes_ago = (THREAD_COUNT - k) * 300 + 17;
        let created = at(created_minutes_ago);
        let reply_count = (k * 7) % 6;
        let reply_minutes_ago = |j: i64| created_minutes_ago - (j + 1) * 37;
        let last = if reply_count == 0 { created.clone() } else { at(reply_minutes_ago(reply_count - 1)) };
        tx.execute(
            "INSERT INTO community_threads (id, unique_id, business_id, community_group_id, user_id, coworker_id, subject, message,
                instant_delivery, tags, private, last_message_date, include_zoom_invite, zoom_event_data, created_on, updated_on, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16)",
            params![
                id,
                unique_id(5, id),
                BUSINESS_ID,
                group,
                private_author.user_id,
                coworker_of(private_author.user_id),
                subject,
                body,
                k % 9 == 0,
                tags,
                private,
                last,
                zoom.is_some(),
                zoom,
                created,
                private_author.email
            ],
        )?;
        for j in 0..reply_count {
            let replier = authors[((k + j + 1) as usize * 5) % authors.len()];
            let when = at(reply_minutes_ago(j));
            tx.execute(
                "INSERT INTO community_messages (id, unique_id, community_thread_id, user_id, coworker_id, message, created_on, updated_on, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                params![message_id, unique_id(6, message_id), id, replier.user_id, coworker_of(replier.user_id),
                    REPLIES[(message_id as usize) % REPLIES.len()], when, replier.email],
            )?;
            // Up to two likes on a reply, never its author's own.
            let reply_likers = authors.iter().filter(|a| a.user_id != replier.user_id).take((message_id % 3) as usize);
            for liker in reply_likers {
                tx.execute(
                    "INSERT INTO community_message_likes (id, unique_id, message_id, user_id, created_on, updated_on, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                    params![mark_id, unique_id(11, mark_id), message_id, liker.user_id, when, liker.email],
                )?;
                mark_id += 1;
            }
            message_id += 1;
        }
        for g in guests {
            tx.execute("INSERT INTO community_thread_guests (thread_id, user_id) VALUES (?1, ?2)", params![id, g])?;
        }
        let likers = (k * 3) % 5;
        for (n, liker) in authors.iter().take(likers as usize).enumerate() {
            for table in ["community_thread_likes", "community_thread_follows"] {
                if table == "community_thread_follows" && n > 1 {
                    continue;
                }
                tx.execute(
                    &format!("INSERT INTO {table} (id, unique_id, thread_id, user_id, created_on, updated_on, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)"),
                    params![mark_id, unique_id(7, mark_id), id, liker.user_id, last, liker.email],
                )?;
                mark_id += 1;
            }
        }
        if k % 13 == 0 {
            let muter = authors[(k as usize) % authors.len()];
            tx.execute(
                "INSERT INTO community_thread_mutes (id, unique_id, thread_id, user_id, created_on, updated_on, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                params![mark_id, unique_id(8, mark_id), id, muter.user_id, last, muter.email],
            )?;
            mark_id += 1;
        }
    }
    tx.commit()
}

/// Adds the benchmark data set: `size.threads` threads in the General group spread over the
/// past year, and `size.replies` replies, 500 of them on the newest large thread (which is
/// what "a thread with 500 replies" measures). One transaction, prepared statements.
pub fn seed_large(conn: &mut Connection, anchor: DateTime<Utc>, size: crate::config::LargeSeed) -> rusqlite::Result<()> {
    let anchor = anchor - Duration::nanoseconds(anchor.timestamp_subsec_nanos().into()) - Duration::days(2);
    let tx = conn.transaction()?;
    let first_id: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM community_threads", [], |r| r.get(0))?;
    let first_id = first_id.max(100_001);
    let authors = &ACCOUNTS[1..9];
    let threads = i64::from(size.threads);
    {
        let mut insert_thread = tx.prepare(
            "INSERT INTO community_threads (id, unique_id, business_id, community_group_id, user_id, coworker_id, subject, message,
                instant_delivery, tags, private, last_message_date, include_zoom_invite, created_on, updated_on, updated_by)
             VALUES (?1, ?2, ?3, 4001, ?4, ?5, ?6, ?7, 0, ?8, 0, ?9, 0, ?9, ?9, ?10)",
        )?;
        for n in 0..threads {
            let id = first_id + n;
            let (subject, body, tags) = TOPICS[(n as usize) % TOPICS.len()];
            let author = &authors[(n as usize * 7) % authors.len()];
            let when = timestamp(anchor - Duration::minutes((threads - n) * 53));
            insert_thread.execute(params![
                id,
                unique_id(9, id),
                BUSINESS_ID,
                author.user_id,
                coworker_of(author.user_id),
                format!("{subject} #{}", n + 1),
                body,
                tags,
                when,
                author.email
            ])?;
        }
    }
    {
        let busiest = first_id + threads - 1;
        let mut insert_reply = tx.prepare(
            "INSERT INTO community_messages (unique_id, community_thread_id, user_id, coworker_id, message, created_on, updated_on, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
        )?;
        for n in 0..i64::from(size.replies) {
            // The first 500 replies go to the busiest thread, the rest one per thread from the newest down.
            // The busiest thread's replies are the newest activity on the board; every other
            // reply comes 11 minutes after its thread started.
            let (thread, when) = if n < 500 {
                (busiest, anchor + Duration::seconds(n))
            } else {
                let thread = busiest - (n - 499) % threads.max(1);
                let index = thread - first_id;
                (thread, anchor - Duration::minutes((threads - index) * 53 - 11))
            };
            let author = &authors[(n as usize * 3) % authors.len()];
            let when = timestamp(when);
            insert_reply.execute(params![
                unique_id(10, n),
                thread,
                author.user_id,
                coworker_of(author.user_id),
                REPLIES[(n as usize) % REPLIES.len()],
                when,
                author.email
            ])?;
        }
        tx.execute(
            "UPDATE community_threads SET last_message_date = (SELECT MAX(created_on) FROM community_messages m WHERE m.community_thread_id = community_threads.id)
             WHERE id >= ?1 AND EXISTS (SELECT 1 FROM community_messages m WHERE m.community_thread_id = community_threads.id)",
            [first_id],
        )?;
    }
    tx.commit()
}
