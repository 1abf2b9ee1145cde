using Decoupling.Engine.Services;
using MudBlazor.Services;

namespace Decoupling.Components.Tests;

/// <summary>A bUnit context with what the platform's components expect: MudBlazor, the Chinese localizer, a clock.</summary>
public static class ComponentContext
{
    public static BunitContext Create(IClock clock)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.Services.AddSingleton(clock);
        return context;
    }
}
