using System.Globalization;
using System.Resources;

namespace Decoupling.Engine.Persistence.Resources;

/// <summary>The store's user-facing messages by stable code (Chinese, neutral culture), like the engine's EngineText.</summary>
internal static class PersistenceText
{
    private static readonly ResourceManager Messages =
        new("Decoupling.Engine.Persistence.Resources.PersistenceMessages", typeof(PersistenceText).Assembly);

    public static string Get(string code, params object?[] args)
    {
        var format = Messages.GetString(code, CultureInfo.CurrentUICulture) ?? code;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }

    /// <summary>The Chinese name of an engine entity (流程实例, 任务...), or its type name when none is defined.</summary>
    public static string Entity(Type type) => Messages.GetString("ENTITY_" + type.Name, CultureInfo.CurrentUICulture) ?? type.Name;
}
