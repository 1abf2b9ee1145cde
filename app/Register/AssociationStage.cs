namespace Decoupling.Application.Register;

/// <summary>Where an association stands in decoupling, as every page and the API count it.</summary>
public enum AssociationStage
{
    NotStarted,
    InProgress,
    Finished,
}
