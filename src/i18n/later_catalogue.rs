//! The fixed texts only the screens that load later show (a conversation, the composer, the
//! edit form, signing in), in a table of their own so that they travel in those screens'
//! chunks (see `catalogue.rs`). A text the list also shows belongs in `Msg` instead.

use super::catalogue::catalogue;

catalogue! {
    /// A fixed text of a screen that loads later, by what it says.
    LaterMsg;
    // Anywhere on the later screens.
    Loading => en: "Loading…", es: "Cargando…";
    Cancel => en: "Cancel", es: "Cancelar";
    Edit => en: "Edit", es: "Editar";
    Delete => en: "Delete", es: "Eliminar";
    /// The confirming button of a delete.
    YesDelete => en: "Yes, delete", es: "Sí, eliminar";
    Sending => en: "Sending…", es: "Enviando…";

    // Signing in.
    SignInHeading => en: "Sign in to the community board", es: "Inicia sesión en el tablón de la comunidad";
    Email => en: "Email", es: "Correo electrónico";
    Password => en: "Password", es: "Contraseña";
    OneTimeCode => en: "One-time code", es: "Código de un solo uso";
    SignIn => en: "Sign in", es: "Iniciar sesión";
    SigningIn => en: "Signing in…", es: "Iniciando sesión…";

    // One conversation.
    LoadingConversation => en: "Loading the conversation…", es: "Cargando la conversación…";
    ConversationUnavailable => en: "Conversation unavailable", es: "Conversación no disponible";
    AllConversationsBack => en: "← All conversations", es: "← Todas las conversaciones";
    /// Before the start time in the byline: "· started 3 hours ago".
    Started => en: "started", es: "iniciada";
    LastActivity => en: "last activity", es: "última actividad";
    PrivateConversation => en: "Private conversation", es: "Conversación privada";
    VisibleToAuthorAnd => en: "Visible to the author and:", es: "Visible para el autor y para:";
    DeleteConversationQuestion => en: "Delete this conversation and all its replies?",
        es: "¿Eliminar esta conversación y todas sus respuestas?";
    ConversationDeleted => en: "Conversation deleted.", es: "Conversación eliminada.";
    Reactions => en: "Reactions", es: "Reacciones";
    Like => en: "Like", es: "Me gusta";
    Follow => en: "Follow", es: "Seguir";
    Mute => en: "Mute", es: "Silenciar";
    /// The like button before the API has said whether the member's like is set.
    LikeOrUnlike => en: "Like or unlike", es: "Me gusta o quitarlo";
    FollowOrUnfollow => en: "Follow or unfollow", es: "Seguir o dejar de seguir";
    MuteOrUnmute => en: "Mute or unmute", es: "Silenciar o reactivar";
    /// Under the composer on the members' API, where these cannot be set.
    MemberComposerNote => en: "Private conversations, instant delivery, Zoom meetings and attached files are set up by the community team.", es: "Las conversaciones privadas, el envío inmediato, las reuniones de Zoom y los archivos adjuntos los configura el equipo de la comunidad.";
    /// Where a conversation cannot be edited (the members' API has no edit).
    EditingNotAvailable => en: "Conversations cannot be edited here. You can delete yours and start it again.", es: "Aquí no se pueden editar las conversaciones. Puedes eliminar la tuya y volver a empezarla.";
    /// The group choice's empty option where a group is required.
    ChooseGroup => en: "Choose a group", es: "Elige un grupo";
    MeetingId => en: "Meeting ID", es: "ID de la reunión";
    Passcode => en: "Passcode", es: "Código de acceso";
    Starts => en: "Starts", es: "Empieza";
    Duration => en: "Duration", es: "Duración";
    JoinZoomMeeting => en: "Join the Zoom meeting", es: "Unirse a la reunión de Zoom";

    // Replies.
    LoadMoreReplies => en: "Load more replies", es: "Cargar más respuestas";
    OnlyMembersReply => en: "Only members of this group can reply.",
        es: "Solo los miembros de este grupo pueden responder.";
    DeleteReplyQuestion => en: "Delete this reply?", es: "¿Eliminar esta respuesta?";
    ReplyDeleted => en: "Reply deleted.", es: "Respuesta eliminada.";
    ReplyPosted => en: "Reply posted.", es: "Respuesta publicada.";
    WriteReplyFirst => en: "Write a reply first.", es: "Escribe primero una respuesta.";
    YourReply => en: "Your reply", es: "Tu respuesta";
    SendReply => en: "Send reply", es: "Responder";
    PeopleToMention => en: "People to mention", es: "Personas para mencionar";
    MentionHint => en: "Type @ and a name to mention someone.", es: "Escribe @ y un nombre para mencionar a alguien.";
    MentionsTextOnly => en: "Type @ and a name to mention someone. Here a mention is text: it does not add the person to the conversation.", es: "Escribe @ y un nombre para mencionar a alguien. Aquí una mención es texto: no añade a la persona a la conversación.";
    Mentioned => en: "Mentioned", es: "Mencionados";
    NewRepliesMarker => en: "New since your last visit", es: "Nuevo desde tu última visita";
    EditReply => en: "Edit your reply", es: "Edita tu respuesta";
    ReplyUpdated => en: "Reply updated.", es: "Respuesta actualizada.";
    AttachedFiles => en: "Attached files", es: "Archivos adjuntos";
    FileNotLoaded => en: "could not be loaded", es: "no se pudo cargar";
    RepliesNotEditable => en: "Replies cannot be edited here. You can delete yours and post it again.", es: "Aquí no se pueden editar las respuestas. Puedes eliminar la tuya y volver a publicarla.";

    // Starting and editing a conversation.
    YourDraftIsBack => en: "Your unsent draft is back.", es: "Hemos recuperado tu borrador sin enviar.";
    LoadingGroups => en: "Loading groups…", es: "Cargando grupos…";
    EditConversation => en: "Edit conversation", es: "Editar conversación";
    ConversationPosted => en: "Conversation posted.", es: "Conversación publicada.";
    ChangesSaved => en: "Changes saved.", es: "Cambios guardados.";
    ServerRefusedFields => en: "The server refused some fields: see the messages beside them.",
        es: "El servidor rechazó algunos campos: consulta los mensajes junto a cada uno.";
    NotArrivedDraftKept => en: "It has not arrived. Your draft is kept: you can send it again.",
        es: "Todavía no aparece. Tu borrador se conserva: puedes volver a enviarlo.";
    PostConversation => en: "Post conversation", es: "Publicar conversación";
    SaveChanges => en: "Save changes", es: "Guardar cambios";
    Subject => en: "Subject", es: "Asunto";
    Message => en: "Message", es: "Mensaje";
    NoGroup => en: "No group (everyone can see it)", es: "Sin grupo (todos pueden verla)";
    PrivateChoice => en: "Private: only you and the people you choose can read it",
        es: "Privada: solo tú y las personas que elijas pueden leerla";
    InstantDelivery => en: "Instant delivery", es: "Entrega inmediata";
    InstantDeliveryHint => en: "Notify followers now instead of in the daily digest.",
        es: "Avisa a los seguidores ahora en lugar de en el resumen diario.";
    AttachZoomMeeting => en: "Attach Zoom meeting", es: "Adjuntar una reunión de Zoom";
    CheckWhetherPosted => en: "Check whether it was posted", es: "Comprobar si se publicó";
    WhoMayRead => en: "Who may read it", es: "Quién puede leerla";
    Guests => en: "Guests", es: "Invitados";
    SearchPeople => en: "Search people by name", es: "Buscar personas por nombre";
    PeopleFound => en: "People found", es: "Personas encontradas";
    AddedTags => en: "Added tags", es: "Etiquetas añadidas";
    TagHint => en: "Press Enter or comma to add a tag.", es: "Pulsa Intro o escribe una coma para añadir una etiqueta.";
    ZoomJoinLink => en: "Join link (https://…)", es: "Enlace para unirse (https://…)";
    ZoomDurationMinutes => en: "Duration in minutes", es: "Duración en minutos";
    ZoomTopic => en: "Topic", es: "Tema";
    AttachFile => en: "Picture or file (optional)", es: "Imagen o archivo (opcional)";
    AttachFileHint => en: "PNG, JPEG, GIF or WebP pictures, or PDF, text, CSV and Office documents, up to 5 MB. You can also drop a file on the form or paste a picture.",
        es: "Imágenes PNG, JPEG, GIF o WebP, o documentos PDF, de texto, CSV y de Office, de hasta 5 MB. También puedes soltar un archivo en el formulario o pegar una imagen.";
    PictureDescription => en: "Describe the picture (read aloud in its place)", es: "Describe la imagen (se lee en voz alta en su lugar)";
    FileDescription => en: "Description of the file", es: "Descripción del archivo";
    RemoveFileButton => en: "Remove", es: "Quitar";
    /// After the conversation was stored but its file was not: sends the file only.
    AttachTheFile => en: "Attach the file", es: "Adjuntar el archivo";
    GoToConversation => en: "Go to the conversation", es: "Ir a la conversación";

    // The board's own checks before sending.
    NeedGroup => en: "Choose the group to post in.", es: "Elige el grupo en el que publicar.";
    NeedSubject => en: "Give the conversation a subject.", es: "Ponle un asunto a la conversación.";
    NeedMessage => en: "Write a message.", es: "Escribe un mensaje.";
    NeedGuest => en: "Add at least one person who may read this private conversation.",
        es: "Añade al menos una persona que pueda leer esta conversación privada.";
    TagEmpty => en: "Type a tag first.", es: "Escribe primero una etiqueta.";
    TagHasComma => en: "A tag cannot contain a comma.", es: "Una etiqueta no puede contener comas.";
    TagDuplicate => en: "That tag is already added.", es: "Esa etiqueta ya está añadida.";
    TagTooLong => en: "Tags are at most 50 characters.", es: "Las etiquetas tienen como máximo 50 caracteres.";
    ZoomNeedJoinLink => en: "Enter the meeting's join link.", es: "Escribe el enlace para unirse a la reunión.";
    ZoomJoinLinkHttps => en: "The join link must be an https:// address.",
        es: "El enlace para unirse debe ser una dirección https://.";
    ZoomMeetingIdDigits => en: "A meeting ID is 9 to 11 digits.", es: "El ID de la reunión tiene de 9 a 11 dígitos.";
    ZoomStartDateTime => en: "Enter the start as a date and time.", es: "Indica el inicio con fecha y hora.";
    ZoomDurationRange => en: "Duration is 1 to 1440 minutes.", es: "La duración es de 1 a 1440 minutos.";
}
