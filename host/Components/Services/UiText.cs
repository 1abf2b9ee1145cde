namespace Decoupling.Host.Components.Services;

/// <summary>
/// Marker for the UI's localizer. The Chinese text is the key (the pattern ASP.NET Core's localization recommends), so
/// the UI reads naturally in Chinese and an English UI is an added UiText.en.resx mapping those keys, without code changes.
/// </summary>
public sealed class UiText;
