using Decoupling.Domain.Checklists;
using Decoupling.Domain.Common;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Routing;

/// <summary>Which departments review an item: the union of every matching routing rule, in table order.</summary>
public sealed class RoutingService(PlatformDbContext db)
{
    /// <summary>
    /// Department codes for an item. A rule without item code and keyword matches every item of its category; a rule
    /// with a condition matches when the item's code equals it or the keyword occurs in the item's title or situation.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReviewingDepartmentsAsync(
        SeparationCategory category, string? itemCode, string itemText, string? supervisoryUnitCode,
        CancellationToken cancellationToken = default)
    {
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.Category == category)
            .OrderBy(r => r.SortOrder)
            .ToListAsync(cancellationToken);
        return Resolve(rules, itemCode, itemText, supervisoryUnitCode);
    }

    /// <summary>The pure part of <see cref="ReviewingDepartmentsAsync"/>, usable on rules already loaded.</summary>
    public static IReadOnlyList<string> Resolve(
        IEnumerable<RoutingRule> rules, string? itemCode, string itemText, string? supervisoryUnitCode)
    {
        var result = new List<string>();
        foreach (var rule in rules.Where(r => Matches(r, itemCode, itemText)))
        {
            foreach (var code in rule.DepartmentCodes)
            {
                var resolved = code == RoutingRule.SupervisoryUnitToken ? supervisoryUnitCode : code;
                if (!string.IsNullOrEmpty(resolved) && !result.Contains(resolved))
                {
                    result.Add(resolved);
                }
            }
        }

        return result;
    }

    /// <summary>Replaces the whole table after checking every department code exists (the office edits it as a unit).</summary>
    public async Task ReplaceTableAsync(IReadOnlyList<RoutingRule> rules, CancellationToken cancellationToken = default)
    {
        var known = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        var errors = new List<FieldError>();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var code in rules[i].DepartmentCodes.Where(c => c != RoutingRule.SupervisoryUnitToken && !known.Contains(c)))
            {
                errors.Add(new FieldError($"rules[{i}].departmentCodes", DomainErrorCodes.RoutingDepartmentUnknown,
                    Resources.DomainText.Get(DomainErrorCodes.RoutingDepartmentUnknown, code)));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        db.RoutingRules.RemoveRange(await db.RoutingRules.ToListAsync(cancellationToken));
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].SortOrder = i;
        }

        db.RoutingRules.AddRange(rules);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool Matches(RoutingRule rule, string? itemCode, string itemText)
    {
        var hasCode = !string.IsNullOrWhiteSpace(rule.ItemCode);
        var hasKeyword = !string.IsNullOrWhiteSpace(rule.Keyword);
        if (!hasCode && !hasKeyword)
        {
            return true;
        }

        return (hasCode && string.Equals(rule.ItemCode, itemCode, StringComparison.OrdinalIgnoreCase))
            || (hasKeyword && rule.Keyword!.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Any(k => itemText.Contains(k, StringComparison.OrdinalIgnoreCase)));
    }
}
