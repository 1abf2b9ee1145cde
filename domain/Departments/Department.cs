namespace Decoupling.Domain.Departments;

/// <summary>A government department or evaluating body. <see cref="Code"/> is the stable key data refers to.</summary>
public class Department
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Short stable code, e.g. "bb" for 区委编办; routing rules and seed data use it.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The everyday short name (区经信局) also accepted when importing the register.</summary>
    public string? ShortName { get; set; }

    public DepartmentKind Kind { get; set; }

    /// <summary>Prefix of the department's document numbers, e.g. 罗编审 in 罗编审〔2018〕3号.</summary>
    public string? DocumentNumberPrefix { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}
