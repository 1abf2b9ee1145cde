namespace Decoupling.Domain.Register;

/// <summary>Where an association stands with registration; the register covers all three (source).</summary>
public enum RegistrationStatus
{
    RegisteredCivilAffairs,
    RegisteredElsewhere,
    Unregistered,
}
