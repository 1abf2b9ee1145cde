namespace Decoupling.Domain.Seeding;

/// <summary>
/// One demo account of seed/users.json: a department code or an association name places the user. The three
/// administrators carry <see cref="DemoTotpSecret"/>: a published DEMO authenticator key (base32) so a tester can sign
/// in with a second factor at once — never for a real deployment, whose administrators enrol their own.
/// </summary>
public sealed record UserSeed(string UserName, string DisplayName, string Role, string? DepartmentCode, string? AssociationName, string? DemoTotpSecret = null);
