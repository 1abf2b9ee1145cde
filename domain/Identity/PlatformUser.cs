using Microsoft.AspNetCore.Identity;

namespace Decoupling.Domain.Identity;

/// <summary>A platform account: department staff carry <see cref="DepartmentId"/>, association staff <see cref="AssociationId"/>.</summary>
public class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Guid? DepartmentId { get; set; }

    public Guid? AssociationId { get; set; }
}
