using System.Globalization;
using Jint;
using JsEngine = Jint.Engine;

namespace Decoupling.Engine.Expressions;

/// <summary>
/// Jint charges memory between statements, so one built-in call such as <c>'x'.repeat(1 &lt;&lt; 28)</c> could allocate
/// far past the sandbox's limit before anything noticed. This prelude, run before every expression, replaces the
/// built-ins that multiply their input (repeat, padStart/padEnd, concat, replace/replaceAll, join, JSON.stringify) by
/// versions that refuse a result longer than the limit allows, before allocating it. Arrays are bounded by Jint's
/// MaxArraySize. The replacements are non-writable and non-configurable, so an expression cannot restore the originals.
/// </summary>
internal static class SandboxBuiltins
{
    /// <summary>The message the guards throw with; the evaluator reports it as EXPR_MEMORY.</summary>
    public const string LimitMessage = "SANDBOX_RESULT_TOO_LARGE";

    public static Prepared<Acornima.Ast.Script> Prepare(long maxChars) =>
        JsEngine.PrepareScript(Source.Replace("MAX_CHARS", maxChars.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), strict: true);

    private const string Source = """
        (function () {
          const max = MAX_CHARS;
          const S = String.prototype, A = Array.prototype;
          const fail = function () { throw new RangeError('SANDBOX_RESULT_TOO_LARGE'); };
          const def = function (o, n, f) { Object.defineProperty(o, n, { value: f, writable: false, configurable: false, enumerable: false }); };
          const len = function (v) { return v === undefined || v === null ? 0 : String(v).length; };
          const repeat = S.repeat;
          def(S, 'repeat', function (n) { const k = Math.floor(Number(n)); if (k > 0 && String(this).length * k > max) fail(); return repeat.call(this, n); });
          const padStart = S.padStart, padEnd = S.padEnd;
          def(S, 'padStart', function (n, f) { if (Number(n) > max) fail(); return padStart.call(this, n, f); });
          def(S, 'padEnd', function (n, f) { if (Number(n) > max) fail(); return padEnd.call(this, n, f); });
          const concat = S.concat;
          def(S, 'concat', function () { let t = String(this).length; for (let i = 0; i < arguments.length; i++) { t += len(arguments[i]); } if (t > max) fail(); return concat.apply(this, arguments); });
          const bound = function (self, pattern, replacement) {
            const s = String(self), r = typeof replacement === 'function' ? 0 : len(replacement);
            if (typeof pattern === 'string') {
              if (pattern.length === 0) { return s.length + (s.length + 1) * r; }
              let count = 0, at = s.indexOf(pattern);
              while (at >= 0) { count++; at = s.indexOf(pattern, at + pattern.length); }
              return s.length + count * r;
            }
            return s.length + (s.length + 1) * r;
          };
          const replace = S.replace, replaceAll = S.replaceAll;
          def(S, 'replace', function (p, r) { if (bound(this, p, r) > max && (typeof p !== 'string' || String(this).indexOf(p) >= 0)) fail(); return replace.call(this, p, r); });
          def(S, 'replaceAll', function (p, r) { if (bound(this, p, r) > max) fail(); return replaceAll.call(this, p, r); });
          const join = A.join;
          def(A, 'join', function (sep) { const n = this.length >>> 0; let t = n > 0 ? (n - 1) * (sep === undefined ? 1 : len(sep)) : 0; for (let i = 0; i < n && t <= max; i++) { t += len(this[i]); } if (t > max) fail(); return join.call(this, sep); });
          const stringify = JSON.stringify;
          def(JSON, 'stringify', function (value, replacer, space) {
            let t = 0;
            const count = function (k, v) { t += len(k) + (typeof v === 'string' ? v.length : 8); if (t > max) fail(); return v; };
            const wrapped = typeof replacer === 'function' ? function (k, v) { return count(k, replacer.call(this, k, v)); } : count;
            return stringify.call(JSON, value, Array.isArray(replacer) ? replacer : wrapped, space);
          });
        })();
        """;
}
