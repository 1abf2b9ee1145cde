using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Decoupling.Engine.Resources;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace Decoupling.Engine.Expressions;

/// <summary>
/// <see cref="IExpressionEvaluator"/> on Jint, sandboxed by <see cref="ExpressionSandboxOptions"/>.
/// <list type="bullet">
/// <item>Scripts run in strict mode on a fresh engine per evaluation (no state leaks between evaluations), with CLR
/// interop off and string compilation (<c>eval</c>, <c>new Function</c>) refused; only JSON data enters the script:
/// each top-level variable becomes a global built from its JSON value, never a CLR object.</item>
/// <item>An expression is first read as a JavaScript expression (so <c>${ {a: 1} }</c> is an object), otherwise as a
/// script whose completion value is the result (so <c>${ var x = 1; x + 1 }</c> works).</item>
/// <item>A variable named like a read-only global (<c>undefined</c>, <c>NaN</c>, <c>Infinity</c>) is not bound; any other
/// name shadows the built-in of that name.</item>
/// <item>Limits apply to each <c>${}</c> of a text separately; the text length limit bounds how many there can be.</item>
/// <item>Parsed scripts are cached by text (thread-safe, bounded by <see cref="ExpressionSandboxOptions.MaxCachedExpressions"/>).</item>
/// <item>Results become JSON: integral numbers as <see cref="long"/>, others as <see cref="double"/>; objects and arrays
/// through the engine's own <c>JSON.stringify</c> (so <c>toJSON</c>, dates and getters behave as in JavaScript, under the
/// same limits). A top-level NaN/Infinity, function or symbol is EXPR_TYPE: it has no JSON form.</item>
/// </list>
/// </summary>
public sealed class JintExpressionEvaluator : IExpressionEvaluator, IScriptEvaluator
{
    private const int MaxShownExpressionLength = 200;
    private const int MaxResultDepth = 256;

    private readonly ConcurrentDictionary<string, Compiled> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);

    /// <summary>The execution object a script task sees (getVariable/setVariable), built in JavaScript so no CLR object enters.</summary>
    private static readonly Prepared<Script> ExecutionPrelude = JsEngine.PrepareScript(
        """
        (function (g) {
          var changes = Object.create(null);
          g.execution = Object.freeze({
            setVariable: function (name, value) { changes[String(name)] = value === undefined ? null : value; },
            getVariable: function (name) { name = String(name); return name in changes ? changes[name] : g[name]; }
          });
          Object.defineProperty(g, '__changes', { value: function () { return changes; } });
        })(globalThis);
        """, strict: true);

    public JintExpressionEvaluator()
        : this(new ExpressionSandboxOptions())
    {
    }

    public JintExpressionEvaluator(ExpressionSandboxOptions options)
        : this(options, warmUp: true)
    {
    }

    private JintExpressionEvaluator(ExpressionSandboxOptions options, bool warmUp)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _guards = SandboxBuiltins.Prepare(Options.MemoryLimitBytes / sizeof(char));
        if (warmUp)
        {
            _ = WarmedUp.Value;
        }
    }

    /// <summary>
    /// The first evaluation in a process pays for compiling the interpreter's code paths, which on a loaded machine can
    /// exceed the timeout meant for the definition's own expression; one warm-up with a generous limit pays it up front.
    /// </summary>
    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        var warm = new JintExpressionEvaluator(new ExpressionSandboxOptions { Timeout = TimeSpan.FromSeconds(30) }, warmUp: false);
        warm.Evaluate("${[item].concat(list).map(function (x) { return x.n; }).length + JSON.stringify(item).length > 0 && typeof item === 'object'}",
            new JsonObject { ["item"] = new JsonObject { ["n"] = 1, ["s"] = "x" }, ["list"] = new JsonArray(2, "y") }, "warm-up");
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Prepared<Script> _guards;

    public ExpressionSandboxOptions Options { get; }

    public JsonNode? Evaluate(string text, JsonObject variables, string elementId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(elementId);

        var compiled = Compile(text, elementId);
        if (compiled.Template.IsLiteral)
        {
            return JsonValue.Create(text);
        }

        try
        {
            using var session = new Session(this, variables);
            if (compiled.Template.IsSingleExpression)
            {
                return session.ToJson(session.Run(compiled.Scripts[0]!.Value), text, elementId);
            }

            var result = new StringBuilder();
            for (var i = 0; i < compiled.Template.Segments.Count; i++)
            {
                var segment = compiled.Template.Segments[i];
                result.Append(segment.IsExpression
                    ? session.ToText(session.Run(compiled.Scripts[i]!.Value), text, elementId)
                    : segment.Text);
            }

            return JsonValue.Create(result.ToString());
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw Translate(ex, text, elementId);
        }
    }

    public bool EvaluateCondition(string text, JsonObject variables, string elementId)
    {
        var result = Evaluate(text, variables, elementId);
        if (result is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        var actual = result is null ? "null" : Shorten(result.ToJsonString());
        throw new ExpressionException(
            elementId, "EXPR_TYPE", EngineText.Get("EXPR_TYPE", elementId, Shorten(text), actual));
    }

    public ScriptResult RunScript(string script, JsonObject variables, string elementId)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(variables);
        if (script.Length > Options.MaxScriptLength)
        {
            throw new ExpressionException(elementId, "EXPR_TOO_LONG",
                EngineText.Get("EXPR_TOO_LONG", elementId, Shorten(script), script.Length, Options.MaxScriptLength));
        }

        Prepared<Script> prepared;
        if (!_scripts.TryGetValue(script, out prepared))
        {
            try
            {
                prepared = JsEngine.PrepareScript(script, strict: true);
            }
            catch (Exception ex)
            {
                throw new ExpressionException(elementId, "EXPR_SYNTAX", EngineText.Get("EXPR_SYNTAX", elementId, Shorten(script), ex.Message));
            }

            if (_scripts.Count >= Options.MaxCachedExpressions)
            {
                _scripts.Clear();
            }

            _scripts.TryAdd(script, prepared);
        }

        try
        {
            using var session = new Session(this, variables);
            session.Run(ExecutionPrelude);
            var value = session.ToJson(session.Run(prepared), script, elementId);
            var changes = session.ToJson(session.RunChanges(), script, elementId) as JsonObject ?? [];
            return new ScriptResult(value, changes);
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw Translate(ex, script, elementId);
        }
    }

    /// <summary>True when the trimmed text is exactly one ${...} (or #{...}) expression: what a condition must be.</summary>
    public static bool IsSingleExpression(string text)
    {
        try
        {
            return ExpressionTemplate.Parse(text.Trim()).IsSingleExpression;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The JavaScript syntax error of an expression text, or null when it parses (checked at deployment).</summary>
    public static string? SyntaxErrorOf(string text) =>
        ExpressionTemplate.HasExpression(text) ? Prepare(text).SyntaxError : null;

    /// <summary>The JavaScript syntax error of a script task's script, or null.</summary>
    public static string? ScriptSyntaxErrorOf(string script)
    {
        try
        {
            JsEngine.PrepareScript(script, strict: true);
            return null;
        }
        catch (Exception ex)
        {
            return ex.Message;
        }
    }

    private Compiled Compile(string text, string elementId)
    {
        if (_cache.TryGetValue(text, out var cached))
        {
            return cached.Rethrow(text, elementId);
        }

        Compiled compiled;
        if (!ExpressionTemplate.HasExpression(text))
        {
            compiled = new Compiled(ExpressionTemplate.Parse(text), [], null);
        }
        else if (text.Length > Options.MaxExpressionLength)
        {
            // not cached: over-long texts must not crowd the cache
            throw new ExpressionException(
                elementId,
                "EXPR_TOO_LONG",
                EngineText.Get("EXPR_TOO_LONG", elementId, Shorten(text), text.Length, Options.MaxExpressionLength));
        }
        else
        {
            compiled = Prepare(text);
        }

        if (_cache.Count >= Options.MaxCachedExpressions)
        {
            _cache.Clear();
        }

        _cache.TryAdd(text, compiled);
        return compiled.Rethrow(text, elementId);
    }

    private static Compiled Prepare(string text)
    {
        ExpressionTemplate template;
        try
        {
            template = ExpressionTemplate.Parse(text);
        }
        catch (FormatException ex)
        {
            return new Compiled(null!, [], ex.Message);
        }

        var scripts = new Prepared<Script>?[template.Segments.Count];
        for (var i = 0; i < scripts.Length; i++)
        {
            var segment = template.Segments[i];
            if (!segment.IsExpression)
            {
                continue;
            }

            try
            {
                // an expression first, so that "{a: 1}" is an object literal rather than a block
                scripts[i] = JsEngine.PrepareScript("(\n" + segment.Text + "\n)", strict: true);
            }
            catch (Exception)
            {
                try
                {
                    scripts[i] = JsEngine.PrepareScript(segment.Text, strict: true);
                }
                catch (Exception ex)
                {
                    return new Compiled(template, [], ex.Message);
                }
            }
        }

        return new Compiled(template, scripts, null);
    }

    private ExpressionException Translate(Exception ex, string text, string elementId)
    {
        var shown = Shorten(text);
        return ex switch
        {
            StatementsCountOverflowException => Error("EXPR_STATEMENTS", Options.MaxStatements),
            MemoryLimitExceededException => Error("EXPR_MEMORY", Options.MemoryLimitBytes),
            RecursionDepthOverflowException => Error("EXPR_RECURSION", Options.MaxRecursionDepth),
            TimeoutException or ExecutionCanceledException =>
                Error("EXPR_TIMEOUT", (long)Options.Timeout.TotalMilliseconds),
            JavaScriptException js when js.Message == SandboxBuiltins.LimitMessage => Error("EXPR_MEMORY", Options.MemoryLimitBytes),
            JavaScriptException js when js.Message.Contains("array", StringComparison.OrdinalIgnoreCase) && js.Message.Contains("size", StringComparison.OrdinalIgnoreCase) =>
                Error("EXPR_MEMORY", Options.MemoryLimitBytes),
            JavaScriptException js when js.Error is JsError && IsStackOverflow(js) =>
                Error("EXPR_RECURSION", Options.MaxRecursionDepth),
            JavaScriptException js => Error("EXPR_RUNTIME", string.IsNullOrEmpty(js.Message) ? "(无错误信息)" : js.Message),
            _ => Error("EXPR_RUNTIME", ex.Message),
        };

        ExpressionException Error(string code, object detail) =>
            new(elementId, code, EngineText.Get(code, elementId, shown, detail), ex);
    }

    private static bool IsStackOverflow(JavaScriptException js) =>
        js.Message.Contains("call stack size", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) =>
        text.Length <= MaxShownExpressionLength ? text : string.Concat(text.AsSpan(0, MaxShownExpressionLength), "…");

    private sealed record Compiled(ExpressionTemplate Template, Prepared<Script>?[] Scripts, string? SyntaxError)
    {
        public Compiled Rethrow(string text, string elementId) =>
            SyntaxError is null
                ? this
                : throw new ExpressionException(
                    elementId, "EXPR_SYNTAX", EngineText.Get("EXPR_SYNTAX", elementId, Shorten(text), SyntaxError));
    }

    /// <summary>One evaluation: a fresh engine holding the variables, and the intrinsic JSON.stringify taken before any script ran.</summary>
    private sealed class Session : IDisposable
    {
        private readonly JsEngine _engine;
        private readonly JsValue _json;
        private readonly JsValue _stringify;

        public Session(JintExpressionEvaluator owner, JsonObject variables)
        {
            var limits = owner.Options;
            _engine = new JsEngine(options =>
            {
                options.Strict = true;
                options.Host.StringCompilationAllowed = false;
                options.Interop.Enabled = false;
                options.Culture = CultureInfo.InvariantCulture;
                options.TimeZone = TimeZoneInfo.Utc;
                options.TimeoutInterval(limits.Timeout);
                options.MaxStatements(limits.MaxStatements);
                options.LimitMemory(limits.MemoryLimitBytes);
                options.LimitRecursion(limits.MaxRecursionDepth);
                options.Constraints.StackOverflowGuard = true;
                options.Constraints.RegexTimeout = limits.Timeout;
                options.Constraints.MaxArraySize = (uint)limits.MaxArrayLength;
            });
            _engine.Evaluate(owner._guards);

            _json = _engine.Global.Get("JSON");
            _stringify = _json.AsObject().Get("stringify");

            foreach (var (name, value) in variables)
            {
                _engine.SetValue(name, ToJs(value, 0));
            }
        }

        public JsValue Run(Prepared<Script> script) => _engine.Evaluate(script);

        public JsValue RunChanges() => _engine.Invoke(_engine.Global.Get("__changes"));

        public JsonNode? ToJson(JsValue value, string text, string elementId)
        {
            switch (value.Type)
            {
                case Types.Undefined:
                case Types.Null:
                    return null;
                case Types.Boolean:
                    return JsonValue.Create(value.AsBoolean());
                case Types.String:
                    return JsonValue.Create(value.AsString());
                case Types.Number:
                    var number = value.AsNumber();
                    return double.IsFinite(number) ? FromNumber(number) : throw NotJson(value, text, elementId);
                case Types.Object when !value.IsCallable():
                    var json = _engine.Call(_stringify, _json, [value]);
                    if (!json.IsString())
                    {
                        throw NotJson(value, text, elementId);
                    }

                    using (var document = JsonDocument.Parse(json.AsString(), new JsonDocumentOptions { MaxDepth = MaxResultDepth }))
                    {
                        return FromElement(document.RootElement);
                    }

                default:
                    throw NotJson(value, text, elementId);
            }
        }

        public string ToText(JsValue value, string text, string elementId) => value.Type switch
        {
            Types.Undefined or Types.Null => "",
            Types.String => value.AsString(),
            Types.Boolean or Types.Number => TypeConverter.ToString(value),
            _ => ToJson(value, text, elementId)!.ToJsonString(),
        };

        public void Dispose() => _engine.Dispose();

        private JsValue ToJs(JsonNode? node, int depth)
        {
            if (depth > MaxResultDepth)
            {
                throw new InvalidOperationException($"variables nested deeper than {MaxResultDepth}");
            }

            switch (node)
            {
                case null:
                    return JsValue.Null;
                case JsonObject obj:
                    var target = new JsObject(_engine);
                    foreach (var (key, child) in obj)
                    {
                        // a data property even for "__proto__": no setter runs
                        target.CreateDataProperty(key, ToJs(child, depth + 1));
                    }

                    return target;
                case JsonArray array:
                    var items = new JsValue[array.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = ToJs(array[i], depth + 1);
                    }

                    return new JsArray(_engine, items);
                default:
                    return FromValue((JsonValue)node);
            }
        }

        private static JsValue FromValue(JsonValue value)
        {
            if (value.TryGetValue<JsonElement>(out var element))
            {
                return FromElement(element);
            }

            if (value.TryGetValue<string>(out var s))
            {
                return new JsString(s);
            }

            if (value.TryGetValue<bool>(out var b))
            {
                return b ? JsBoolean.True : JsBoolean.False;
            }

            if (value.TryGetValue<double>(out var d))
            {
                return new JsNumber(d);
            }

            // any other CLR payload (DateTime, decimal, Guid, ...): only its JSON form crosses
            using var document = JsonDocument.Parse(value.ToJsonString());
            return FromElement(document.RootElement);

            static JsValue FromElement(JsonElement element) => element.ValueKind switch
            {
                JsonValueKind.String => new JsString(element.GetString()!),
                JsonValueKind.Number => new JsNumber(element.GetDouble()),
                JsonValueKind.True => JsBoolean.True,
                JsonValueKind.False => JsBoolean.False,
                JsonValueKind.Null or JsonValueKind.Undefined => JsValue.Null,
                _ => throw new InvalidOperationException("a JSON value holds an object or array element"),
            };
        }

        private static JsonNode? FromElement(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new JsonObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        obj[property.Name] = FromElement(property.Value);
                    }

                    return obj;
                case JsonValueKind.Array:
                    var array = new JsonArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        array.Add(FromElement(item));
                    }

                    return array;
                case JsonValueKind.String:
                    return JsonValue.Create(element.GetString());
                case JsonValueKind.Number:
                    return FromNumber(element.GetDouble());
                case JsonValueKind.True:
                    return JsonValue.Create(true);
                case JsonValueKind.False:
                    return JsonValue.Create(false);
                default:
                    return null;
            }
        }

        private static JsonValue FromNumber(double number)
        {
            const double maxExactInteger = 9007199254740992d; // 2^53
            return Math.Abs(number) <= maxExactInteger && Math.Floor(number) == number
                ? JsonValue.Create((long)number)
                : JsonValue.Create(number);
        }

        private static ExpressionException NotJson(JsValue value, string text, string elementId)
        {
            var kind = value.IsCallable() ? "function" : value.Type.ToString().ToLowerInvariant();
            if (value.IsNumber())
            {
                kind = TypeConverter.ToString(value);
            }

            return new ExpressionException(
                elementId, "EXPR_TYPE", EngineText.Get("EXPR_TYPE_VALUE", elementId, Shorten(text), kind));
        }
    }
}
