using Decoupling.Domain.Register;

namespace Decoupling.Application.Register;

/// <summary>The Chinese names of the ties decoupling ends (R4), as the source documents write them.</summary>
public static class RelationshipNames
{
    public static string Display(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Sponsor => "主办",
        RelationshipKind.Supervisor => "主管",
        RelationshipKind.Contact => "联系",
        RelationshipKind.Affiliation => "挂靠",
        _ => kind.ToString(),
    };
}
