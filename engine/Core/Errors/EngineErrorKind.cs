namespace Decoupling.Engine.Errors;

/// <summary>What kind of refusal an engine error is; the host maps it to a status (422, 404, 403, 409) without reading the code.</summary>
public enum EngineErrorKind
{
    /// <summary>The request breaks a contract (a form field, an outcome, a required comment): fix the input and send again.</summary>
    Invalid,

    /// <summary>The thing named does not exist (or the caller may not know it exists).</summary>
    NotFound,

    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>The request is well formed but the state does not allow it now.</summary>
    Conflict,

    /// <summary>Raised while a process runs (incidents, journal notes), never as an answer to a caller.</summary>
    Incident,
}
