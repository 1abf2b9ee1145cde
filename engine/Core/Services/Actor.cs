namespace Decoupling.Engine.Services;

/// <summary>
/// Who performs an engine operation: a user id and the candidate groups the user belongs to (the host maps departments
/// and roles to groups such as "dept:czj" and "role:reviewer"). OnBehalfOf records 全程代办: a window officer acting for an applicant.
/// </summary>
public sealed record Actor(string UserId, IReadOnlyCollection<string> Groups, bool IsAdmin = false, string? OnBehalfOf = null)
{
    public static Actor System { get; } = new("system", [], IsAdmin: true);

    public static Actor User(string userId, params string[] groups) => new(userId, groups);

    public bool InGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);
}
