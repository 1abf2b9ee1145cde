using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Decoupling.Host.Components.Services;

/// <summary>Chinese text for Identity's refusals (its own descriptions are English).</summary>
public static class IdentityText
{
    public static string Of(IdentityError error, IStringLocalizer localizer) => error.Code switch
    {
        "PasswordTooShort" => localizer["密码至少 10 位。"],
        "PasswordRequiresDigit" => localizer["密码须包含数字。"],
        "PasswordRequiresLower" => localizer["密码须包含小写字母。"],
        "PasswordRequiresUpper" => localizer["密码须包含大写字母。"],
        "PasswordRequiresNonAlphanumeric" => localizer["密码须包含符号。"],
        "DuplicateUserName" => localizer["用户名已存在。"],
        "InvalidUserName" => localizer["用户名只能包含字母、数字和 . _ - @。"],
        _ => error.Description,
    };
}
