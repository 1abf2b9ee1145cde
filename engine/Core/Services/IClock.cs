namespace Decoupling.Engine.Services;

/// <summary>The engine's notion of now; simulations and tests move a virtual clock instead of waiting.</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}
