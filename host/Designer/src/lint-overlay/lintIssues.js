/**
 * Flattens bpmnlint results ({ rule: [ { id, message, category } ] }) into
 * [ { elementId, rule, category, message } ], errors first.
 */
export function flattenLintResults(results) {
  const issues = [];

  Object.entries(results || {}).forEach(([ rule, reports ]) => {
    (reports || []).forEach(report => {
      issues.push({
        elementId: report.id,
        rule,
        category: report.category === 'warn' ? 'warning' : report.category,
        message: report.message
      });
    });
  });

  const rank = { error: 0, warning: 1, info: 2 };

  return issues.sort((a, b) => (rank[a.category] ?? 3) - (rank[b.category] ?? 3));
}
