namespace Decoupling.Engine.Expressions;

/// <summary>
/// The shape of an expression text: a literal, a single <c>${ expr }</c> / <c>#{ expr }</c> (the whole trimmed text),
/// or literal text interleaved with expressions. The closing brace is found by scanning JavaScript: braces inside
/// string literals, template literals (including their own <c>${}</c>) and comments do not count. Regular-expression
/// literals are not recognised; a brace in one must be escaped (<c>\{</c>) or written via <c>new RegExp("...")</c>.
/// </summary>
internal sealed class ExpressionTemplate
{
    private ExpressionTemplate(IReadOnlyList<Segment> segments, bool isSingle)
    {
        Segments = segments;
        IsSingleExpression = isSingle;
    }

    /// <summary>Literal text (<see cref="Segment.IsExpression"/> false) and expression sources in order.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The trimmed text is exactly one wrapped expression: its value is returned as JSON, not as text.</summary>
    public bool IsSingleExpression { get; }

    public bool IsLiteral => Segments.Count == 1 && !Segments[0].IsExpression;

    public readonly record struct Segment(string Text, bool IsExpression);

    /// <summary>True when the text holds an expression marker and must be evaluated.</summary>
    public static bool HasExpression(string text) =>
        text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal);

    /// <summary>Splits <paramref name="text"/>; throws <see cref="FormatException"/> for an unclosed or empty wrapper.</summary>
    public static ExpressionTemplate Parse(string text)
    {
        if (!HasExpression(text))
        {
            return new ExpressionTemplate([new Segment(text, false)], false);
        }

        var segments = new List<Segment>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length - 1)
        {
            if ((text[i] == '$' || text[i] == '#') && text[i + 1] == '{')
            {
                var close = FindClosingBrace(text, i + 2);
                if (close < 0)
                {
                    throw new FormatException($"unclosed '{text[i]}{{' at position {i}");
                }

                var source = text.Substring(i + 2, close - i - 2);
                if (string.IsNullOrWhiteSpace(source))
                {
                    throw new FormatException($"empty expression at position {i}");
                }

                if (i > literalStart)
                {
                    segments.Add(new Segment(text[literalStart..i], false));
                }

                segments.Add(new Segment(source, true));
                i = close + 1;
                literalStart = i;
            }
            else
            {
                i++;
            }
        }

        if (literalStart < text.Length)
        {
            segments.Add(new Segment(text[literalStart..], false));
        }

        var expressions = segments.Count(s => s.IsExpression);
        var single = expressions == 1 && segments.All(s => s.IsExpression || string.IsNullOrWhiteSpace(s.Text));
        if (single)
        {
            segments.RemoveAll(s => !s.IsExpression);
        }

        return new ExpressionTemplate(segments, single);
    }

    /// <summary>Index of the '}' closing the block whose body starts at <paramref name="start"/>, or -1.</summary>
    internal static int FindClosingBrace(string text, int start)
    {
        // Each entry is a brace depth in code; a template literal pushes a marker (-1) while its text is scanned.
        var stack = new Stack<int>();
        stack.Push(0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (stack.Peek() < 0)
            {
                // inside a template literal's text
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '`')
                {
                    stack.Pop();
                }
                else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    stack.Push(0);
                    i += 2;
                    continue;
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '\'':
                case '"':
                    i = SkipString(text, i, c);
                    if (i < 0)
                    {
                        return -1;
                    }

                    continue;
                case '`':
                    stack.Push(-1);
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    i = text.IndexOf('\n', i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    continue;
                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    i = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (i < 0)
                    {
                        return -1;
                    }

                    i += 2;
                    continue;
                case '{':
                    stack.Push(stack.Pop() + 1);
                    break;
                case '}':
                    var depth = stack.Pop();
                    if (depth > 0)
                    {
                        stack.Push(depth - 1);
                    }
                    else if (stack.Count == 0)
                    {
                        return i;
                    }

                    // otherwise: the '}' closed a template literal substitution; back to its text
                    break;
            }

            i++;
        }

        return -1;
    }

    private static int SkipString(string text, int i, char quote)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                return i + 1;
            }

            if (c == '\n')
            {
                return -1;
            }

            i++;
        }

        return -1;
    }
}
