//! Every fixed text the board shows, in English and Spanish side by side, in two tables: `Msg`
//! here, the texts of the first page and of the whole board, and `LaterMsg`
//! (`later_catalogue.rs`), those only the screens that load later show (`pages::later`). Each
//! table is its own `match`, compiled where its texts are used: the later screens' texts
//! travel in their wasm chunks, not in every member's first download.
//!
//! Each entry is `Key => en: "…", es: "…";`. The `catalogue!` macro turns a table into an
//! enum and one exhaustive `match` per language, so a key missing either text does not match
//! the macro's pattern and a misspelt key is an unknown enum variant: both are compile
//! errors, never a blank on screen.
//!
//! To add a text: add a line to the table of the screens that show it (this one if the list
//! shows it), then use `i18n.t(Msg::YourKey)` (or `LaterMsg::YourKey`) where it is shown.
//! Texts with values in them (counts, names) belong in `phrases.rs` (or `later_phrases.rs`)
//! instead.

/// A table of fixed texts in both languages (`catalogue!`).
pub trait Catalogue: Copy {
    fn english(self) -> &'static str;
    fn spanish(self) -> &'static str;
}

macro_rules! catalogue {
    ($(#[$enum_doc:meta])* $name:ident; $( $(#[$doc:meta])* $key:ident => en: $en:literal, es: $es:literal; )*) => {
        $(#[$enum_doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$doc])* $key, )*
        }

        impl $name {
            /// Every key, in table order (for tests and catalogue checks).
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }

        impl $crate::i18n::catalogue::Catalogue for $name {
            fn english(self) -> &'static str {
                match self {
                    $($name::$key => $en,)*
                }
            }

            fn spanish(self) -> &'static str {
                match self {
                    $($name::$key => $es,)*
                }
            }
        }
    };
}
pub(super) use catalogue;

catalogue! {
    /// A fixed text of the first page or of the whole board, by what it says.
    Msg;
    // The header and the whole board.
    SkipToContent => en: "Skip to content", es: "Saltar al contenido";
    BoardTitle => en: "Community Board", es: "Tablón de la comunidad";
    SignOut => en: "Sign out", es: "Cerrar sesión";
    TryAgain => en: "Try again", es: "Volver a intentarlo";
    ScreenNotLoaded => en: "This part of the board could not be loaded. Check your connection and try again.", es: "No se pudo cargar esta parte del tablón. Comprueba tu conexión e inténtalo de nuevo.";
    /// An author the directory does not know (yet).
    UnknownMember => en: "Unknown member", es: "Miembro desconocido";
    /// Read out (not shown) where an author's name is on its way (REST's list).
    NameLoading => en: "Name loading", es: "Cargando el nombre";
    /// Joins an author to the group of a conversation: "Sam Rivera in General".
    InGroup => en: "in", es: "en";
    /// A group whose name is not loaded yet, in the list.
    GroupFallback => en: "Group", es: "Grupo";
    /// The same, in a sentence on a conversation's page ("… in a group"; `GroupLink` takes
    /// its fallback from this table).
    AGroup => en: "a group", es: "un grupo";
    Tags => en: "Tags", es: "Etiquetas";
    /// The badge of a private conversation (feminine in Spanish, like "conversación").
    PrivateBadge => en: "Private", es: "Privada";
    ZoomMeeting => en: "Zoom meeting", es: "Reunión de Zoom";
    BackToConversations => en: "Back to the conversations", es: "Volver a las conversaciones";

    // Signing in.
    RestoringSession => en: "Restoring your session…", es: "Recuperando tu sesión…";
    /// Embedded: the portal's `getToken()` failed or its token was refused.
    HostSessionFailed => en: "The community board could not use your portal session. Try again, or reload the page.", es: "El tablón de la comunidad no ha podido usar tu sesión del portal. Vuelve a intentarlo o recarga la página.";
    SessionEndedNotice => en: "Your session has ended. Please sign in again; anything you were writing is kept.",
        es: "Tu sesión ha terminado. Vuelve a iniciar sesión; lo que estabas escribiendo se conserva.";
    OAuthInvalidGrant => en: "The email or password is incorrect, or this account cannot sign in here.",
        es: "El correo electrónico o la contraseña no son correctos, o esta cuenta no puede iniciar sesión aquí.";
    OAuthTwoFactor => en: "Enter the one-time code from your authenticator app.",
        es: "Escribe el código de un solo uso de tu aplicación de autenticación.";
    OAuthMustResetPassword => en: "You need to reset your password before signing in.",
        es: "Tienes que restablecer tu contraseña antes de iniciar sesión.";
    OAuthUnsupportedGrant => en: "The server refused the sign-in request.",
        es: "El servidor rechazó la solicitud de inicio de sesión.";

    // Errors from talking to the API.
    ErrorNetwork => en: "Could not reach the server. Check your connection and try again.",
        es: "No se pudo conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.";
    ErrorTimeout => en: "The server took too long to answer. Please try again.",
        es: "El servidor tardó demasiado en responder. Inténtalo de nuevo.";
    ErrorSignedOut => en: "Your session has ended. Please sign in again.",
        es: "Tu sesión ha terminado. Vuelve a iniciar sesión.";
    ErrorNotAllowed => en: "You are not allowed to do this.", es: "No tienes permiso para hacer esto.";
    ErrorNotFound => en: "That conversation no longer exists.", es: "Esa conversación ya no existe.";
    ErrorDecode => en: "The server sent an answer the board could not read.",
        es: "El servidor envió una respuesta que el tablón no pudo leer.";
    CheckHighlightedFields => en: "Please check the highlighted fields.", es: "Revisa los campos marcados.";
    /// A field the API refused without saying why.
    CheckThisField => en: "Please check this field.", es: "Revisa este campo.";

    // The list of conversations.
    Conversations => en: "Conversations", es: "Conversaciones";
    StartConversation => en: "Start a conversation", es: "Nueva conversación";
    TaggedPrefix => en: "Tagged", es: "Con la etiqueta";
    /// Clears the tag filter.
    Clear => en: "Clear", es: "Quitar";
    NoConversationsMatch => en: "No conversations match.", es: "No hay conversaciones que coincidan.";
    ShowAllConversations => en: "Show all conversations", es: "Mostrar todas las conversaciones";
    LoadingConversations => en: "Loading conversations", es: "Cargando conversaciones";
    Pages => en: "Pages", es: "Páginas";
    NewerPage => en: "← Newer", es: "← Más recientes";
    OlderPage => en: "Older →", es: "Más antiguas →";
    SearchConversations => en: "Search conversations", es: "Buscar conversaciones";

    // Groups.
    Group => en: "Group", es: "Grupo";
    AllConversations => en: "All conversations", es: "Todas las conversaciones";
    CanPostHere => en: "You can post here.", es: "Puedes publicar aquí.";
    OnlyMembersPostHere => en: "You can read, but only members can post here.",
        es: "Puedes leer, pero aquí solo pueden publicar los miembros.";
    AccessRestricted => en: "Restricted", es: "Restringido";
    AccessPublic => en: "Public", es: "Público";
    /// A group's access level (masculine in Spanish, like "grupo").
    AccessPrivate => en: "Private", es: "Privado";
    AccessRestrictedExplained => en: "Everyone can read; only members can post.",
        es: "Todos pueden leer; solo los miembros pueden publicar.";
    AccessPublicExplained => en: "Everyone can read and post.", es: "Todos pueden leer y publicar.";
    AccessPrivateExplained => en: "Only members can read and post.", es: "Solo los miembros pueden leer y publicar.";

    // Replies.
    NewBadge => en: "New", es: "Nuevo";
    UnreadOnly => en: "Unread only", es: "Solo sin leer";
    UnreadWindowNote => en: "Unread among the 100 most recently active conversations.", es: "Sin leer entre las 100 conversaciones con actividad más reciente.";

    // Starting and editing a conversation.
    /// Announced (live region) once typing pauses after a draft was written to storage.
    DraftSaved => en: "Draft saved on this device.", es: "Borrador guardado en este dispositivo.";

    // Times, where Intl cannot say them.
    JustNow => en: "just now", es: "ahora mismo";

    // Anywhere else.
    PageNotFound => en: "Page not found", es: "Página no encontrada";
}
