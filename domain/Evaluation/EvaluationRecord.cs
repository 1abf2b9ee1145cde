namespace Decoupling.Domain.Evaluation;

/// <summary>The evaluator's findings on the district evaluation (R16), captured with the report they were written into.</summary>
public class EvaluationRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Evaluator { get; set; } = "";

    public string Findings { get; set; } = "";

    public decimal? DistrictScore { get; set; }

    public Guid? ReportDocumentId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
