namespace Decoupling.Domain.Checklists;

/// <summary>The five separations (五分离) that group checklist items.</summary>
public enum SeparationCategory
{
    /// <summary>机构分离</summary>
    Organisation,

    /// <summary>职能分离</summary>
    Functions,

    /// <summary>资产财务分离</summary>
    AssetsFinance,

    /// <summary>人员管理分离</summary>
    Personnel,

    /// <summary>党建、外事等分离</summary>
    PartyForeignAffairs,
}
