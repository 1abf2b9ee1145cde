using Microsoft.AspNetCore.Identity;

namespace Decoupling.Domain.Identity;

/// <summary>Identity's refusals in Chinese (its own descriptions are English), so API answers and pages show them as they are.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"“用户名”：{userName} 已存在" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"“用户名”：{userName} 只能包含字母、数字和 . _ - @" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"“密码”至少 {length} 位" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "“密码”须包含数字" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "“密码”须包含小写字母" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "“密码”须包含大写字母" };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "“密码”须包含符号" };

    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"账号已有角色 {role}" };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "账号操作失败" };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "账号刚被他人修改，请刷新后重试" };
}
