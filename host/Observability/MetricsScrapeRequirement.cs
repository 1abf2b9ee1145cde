using Microsoft.AspNetCore.Authorization;

namespace Decoupling.Host.Observability;

/// <summary>
/// Who may read /metrics: the system administrator (signed in with the second factor), or a Prometheus server that
/// presents the scrape token of <c>Metrics:ScrapeToken</c> as a bearer token (a scraper cannot do TOTP).
/// </summary>
public sealed class MetricsScrapeRequirement : IAuthorizationRequirement;
