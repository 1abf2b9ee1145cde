namespace Decoupling.Engine.Store;

/// <summary>Another step changed the same instance, task or job first; the caller's step was rolled back entirely.</summary>
public sealed class EngineConflictException(string message, Exception? inner = null) : Exception(message, inner);
