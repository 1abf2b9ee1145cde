using System.Diagnostics;
using System.Text.Json.Nodes;
using Decoupling.Engine.Expressions;

namespace Decoupling.Engine.Tests.Expressions;

public sealed class JintExpressionEvaluatorTests
{
    private static readonly JintExpressionEvaluator Evaluator = new();

    private static JsonObject Vars(string json = "{}") => JsonNode.Parse(json)!.AsObject();

    private static JsonNode? Eval(string text, string json = "{}") => Evaluator.Evaluate(text, Vars(json), "Task_1");

    private static ExpressionException Fails(string text, string json = "{}", JintExpressionEvaluator? evaluator = null) =>
        Assert.Throws<ExpressionException>(() => (evaluator ?? Evaluator).Evaluate(text, Vars(json), "Task_1"));

    [Fact]
    public void Text_without_a_wrapper_is_a_literal_string()
    {
        var result = Eval("  hello {world} $ # 1 + 1  ");

        Assert.Equal("  hello {world} $ # 1 + 1  ", result!.GetValue<string>());
    }

    [Fact]
    public void Wrapped_expression_returns_its_value_not_text()
    {
        Assert.Equal(3L, Eval("${ 1 + 2 }")!.GetValue<long>());
        Assert.True(Eval("  ${true}  ")!.GetValue<bool>());
        Assert.Equal("ab", Eval("${ 'a' + 'b' }")!.GetValue<string>());
        Assert.Null(Eval("${ null }"));
        Assert.Null(Eval("${ undefined }"));
    }

    [Fact]
    public void Hash_wrapper_is_accepted_like_dollar_wrapper()
    {
        Assert.Equal(42L, Eval("#{ answer }", """{"answer": 42}""")!.GetValue<long>());
    }

    [Fact]
    public void Text_with_expressions_inside_is_interpolated()
    {
        var result = Eval("Dear ${name}, you owe ${amount * 2} (${missing}) #{flag}", """{"name":"Li","amount":1.25,"missing":null,"flag":false}""");

        Assert.Equal("Dear Li, you owe 2.5 () false", result!.GetValue<string>());
    }

    [Fact]
    public void Objects_and_arrays_are_interpolated_as_json()
    {
        Assert.Equal("items: [1,\"a\"] {\"k\":true}", Eval("items: ${list} ${ ({k: true}) }", """{"list":[1,"a"]}""")!.GetValue<string>());
    }

    [Fact]
    public void Numbers_are_long_when_integral_and_double_otherwise()
    {
        Assert.Equal(7L, Eval("${ 7.0 }")!.GetValue<long>());
        Assert.Equal(-3L, Eval("${ -3 }")!.GetValue<long>());
        Assert.Equal(0.5, Eval("${ 1 / 2 }")!.GetValue<double>());
        Assert.Equal(1e300, Eval("${ 1e300 }")!.GetValue<double>());
    }

    [Fact]
    public void Arrays_and_objects_round_trip_through_variables()
    {
        const string json = """{"order":{"id":"A-1","lines":[{"sku":"x","qty":2,"price":9.5}],"paid":false,"note":null}}""";

        var result = Eval("${ order }", json);

        Assert.True(JsonNode.DeepEquals(Vars(json)["order"], result));
        Assert.Equal(2L, result!["lines"]![0]!["qty"]!.GetValue<long>());
        Assert.Equal(9.5, result["lines"]![0]!["price"]!.GetValue<double>());
    }

    [Fact]
    public void Object_literal_in_a_wrapper_is_an_object_not_a_block()
    {
        var result = Eval("${ {a: 1, b: [true, 'x']} }");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"b":[true,"x"]}"""), result));
    }

    [Fact]
    public void Statements_are_allowed_and_the_last_value_is_the_result()
    {
        Assert.Equal(6L, Eval("${ var total = 0; for (const x of xs) total += x; total }", """{"xs":[1,2,3]}""")!.GetValue<long>());
    }

    [Fact]
    public void Nested_variables_are_reachable()
    {
        Assert.True(Evaluator.EvaluateCondition("${form.amount > 100}", Vars("""{"form":{"amount":150}}"""), "Gateway_1"));
        Assert.False(Evaluator.EvaluateCondition("${form.amount > 100}", Vars("""{"form":{"amount":50}}"""), "Gateway_1"));
    }

    [Fact]
    public void Braces_inside_string_literals_do_not_end_the_wrapper()
    {
        Assert.True(Evaluator.EvaluateCondition("""${ a == "}" }""", Vars("""{"a":"}"}"""), "Gateway_1"));
        Assert.Equal("{x}", Eval("${ '{' + \"x\" + '}' }")!.GetValue<string>());
        Assert.Equal("a}b", Eval("${ `a${ '}' }b` }")!.GetValue<string>());
        Assert.Equal(1L, Eval("${ 1 /* } */ }")!.GetValue<long>());
        Assert.Equal("[}] ok", Eval("[${ \"}\" }] ${'ok'}")!.GetValue<string>());
    }

    [Fact]
    public void A_variable_named_proto_is_plain_data()
    {
        Assert.Equal("object", Eval("${ typeof o.__proto__ }", """{"o":{"__proto__":{"x":1}}}""")!.GetValue<string>());
        Assert.Equal("undefined", Eval("${ typeof ({}).x }", """{"o":{"__proto__":{"x":1}}}""")!.GetValue<string>());
    }

    [Fact]
    public void Undefined_variable_is_a_runtime_error_naming_element_and_variable()
    {
        var error = Fails("${ approved == true }");

        Assert.Equal("EXPR_RUNTIME", error.Code);
        Assert.Equal("Task_1", error.ElementId);
        Assert.Contains("Task_1", error.Message);
        Assert.Contains("approved", error.Message);
        Assert.Contains("${ approved == true }", error.Message);
    }

    [Fact]
    public void Thrown_script_error_is_a_runtime_error()
    {
        Assert.Equal("EXPR_RUNTIME", Fails("${ (() => { throw new Error('boom') })() }").Code);
    }

    [Fact]
    public void Syntax_error_is_reported_as_such()
    {
        var error = Fails("${ 1 + }");

        Assert.Equal("EXPR_SYNTAX", error.Code);
        Assert.Contains("Task_1", error.Message);
        Assert.Equal("EXPR_SYNTAX", Fails("${ 1 + }").Code); // cached failure still reported
        Assert.Equal("EXPR_SYNTAX", Fails("value ${ unclosed").Code);
        Assert.Equal("EXPR_SYNTAX", Fails("${   }").Code);
    }

    [Fact]
    public void Infinite_loop_is_stopped_fast_by_the_statement_limit()
    {
        var watch = Stopwatch.StartNew();

        var error = Fails("${ while(true){} }");

        Assert.Equal("EXPR_STATEMENTS", error.Code);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Infinite_loop_cannot_escape_the_limit_by_catching()
    {
        Assert.Equal("EXPR_STATEMENTS", Fails("${ for(;;) { try { while(true){} } catch (e) {} } }").Code);
    }

    [Fact]
    public void Infinite_loop_is_stopped_by_the_time_limit()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionSandboxOptions
        {
            Timeout = TimeSpan.FromMilliseconds(100),
            MaxStatements = int.MaxValue - 1,
        });
        var watch = Stopwatch.StartNew();

        var error = Fails("${ while(true){} }", evaluator: evaluator);

        Assert.Equal("EXPR_TIMEOUT", error.Code);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Unbounded_allocation_is_stopped_by_the_memory_limit()
    {
        Assert.Equal("EXPR_MEMORY", Fails("${ var a=[]; while(true) a.push('x'.repeat(1e6)) }").Code);
    }

    [Fact]
    public void Deep_recursion_is_stopped_by_the_recursion_limit()
    {
        var error = Fails("${ function f(n) { return f(n + 1) + 1 } f(0) }");

        Assert.Equal("EXPR_RECURSION", error.Code);
    }

    [Theory]
    [InlineData("${ var o = { get x() { return this.x } }; o.x }")]
    [InlineData("${ class A { constructor() { new A() } }; new A() }")]
    [InlineData("${ var o = { toString() { return '' + this } }; '' + o }")]
    public void Recursion_by_other_routes_is_stopped_too(string text)
    {
        Assert.Equal("EXPR_RECURSION", Fails(text).Code);
    }

    [Fact]
    public void Recursion_within_the_limit_works()
    {
        Assert.Equal(55L, Eval("${ function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } fib(10) }")!.GetValue<long>());
    }

    [Theory]
    [InlineData("${ typeof System }")]
    [InlineData("${ typeof importNamespace }")]
    [InlineData("${ typeof clrHelper }")]
    [InlineData("${ typeof require }")]
    [InlineData("${ typeof host }")]
    public void No_clr_bridge_is_defined(string text)
    {
        Assert.Equal("undefined", Eval(text)!.GetValue<string>());
    }

    [Fact]
    public void Global_object_holds_only_javascript_and_the_variables()
    {
        var result = Eval("${ Object.getOwnPropertyNames(globalThis).filter(n => /clr|system|import|host|process/i.test(n)) }", """{"x":1}""");

        Assert.Empty(result!.AsArray());
    }

    [Theory]
    [InlineData("${ Function('return this')() }")]
    [InlineData("${ (() => 0).constructor('return this')() }")]
    [InlineData("${ eval('1 + 1') }")]
    [InlineData("${ [].constructor.constructor('return globalThis')() }")]
    public void Code_from_strings_is_refused(string text)
    {
        Assert.Equal("EXPR_RUNTIME", Fails(text).Code);
    }

    [Fact]
    public void Variables_are_javascript_values_not_clr_objects()
    {
        var result = Eval(
            "${ [typeof v.o, Object.getPrototypeOf(v.o) === Object.prototype, Array.isArray(v.a), typeof v.o.GetType, typeof v.a.Count] }",
            """{"v":{"o":{"k":1},"a":[1]}}""");

        Assert.Equal("""["object",true,true,"undefined","undefined"]""", result!.ToJsonString());
    }

    [Fact]
    public void Clr_payload_in_a_json_value_crosses_as_json_only()
    {
        var variables = new JsonObject { ["when"] = JsonValue.Create(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)), ["price"] = JsonValue.Create(12.5m) };

        var result = Evaluator.Evaluate("${ [typeof when, when, price] }", variables, "Task_1");

        Assert.Equal("""["string","2024-01-02T03:04:05Z",12.5]""", result!.ToJsonString());
    }

    [Fact]
    public void Scripts_do_not_leak_state_into_later_evaluations()
    {
        Eval("${ Object.prototype.polluted = 1; globalThis.leak = 2; 0 }");

        Assert.Equal("undefined undefined", Eval("${ typeof ({}).polluted + ' ' + typeof leak }")!.GetValue<string>());
    }

    [Fact]
    public void Condition_returning_a_number_is_a_type_error()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.EvaluateCondition("${ amount }", Vars("""{"amount":3}"""), "Flow_7"));

        Assert.Equal("EXPR_TYPE", error.Code);
        Assert.Contains("Flow_7", error.Message);
    }

    [Fact]
    public void Condition_given_literal_text_is_a_type_error()
    {
        Assert.Equal("EXPR_TYPE", Assert.Throws<ExpressionException>(() => Evaluator.EvaluateCondition("true", Vars(), "Flow_7")).Code);
    }

    [Theory]
    [InlineData("${ 1 / 0 }")]
    [InlineData("${ NaN }")]
    [InlineData("${ () => 1 }")]
    [InlineData("${ Symbol('s') }")]
    public void Result_without_a_json_form_is_a_type_error(string text)
    {
        Assert.Equal("EXPR_TYPE", Fails(text).Code);
    }

    [Fact]
    public void ToJSON_cannot_escape_the_limits()
    {
        Assert.Equal("EXPR_STATEMENTS", Fails("${ ({ toJSON() { while(true){} } }) }").Code);
    }

    [Fact]
    public void Thrown_object_with_a_looping_message_getter_cannot_escape_the_limits()
    {
        Assert.Equal("EXPR_STATEMENTS", Fails("${ throw { get message() { while(true){} } } }").Code);
    }

    [Fact]
    public void Proxy_result_cannot_escape_the_limits()
    {
        Assert.Equal("EXPR_STATEMENTS", Fails("${ new Proxy({}, { ownKeys() { while(true){} } }) }").Code);
    }

    [Fact]
    public void Variables_shadow_builtins_but_not_read_only_globals()
    {
        Assert.Equal("""[2,"number","undefined"]""", Eval("${ [Math, typeof NaN, typeof undefined] }", """{"Math":2,"NaN":"x","undefined":1}""")!.ToJsonString());
    }

    [Fact]
    public void Message_is_in_chinese()
    {
        Assert.Contains("表达式", Fails("${ nope }").Message);
    }

    [Fact]
    public void Too_long_expression_is_refused()
    {
        var text = "${ '" + new string('x', 4000) + "' }";

        var error = Fails(text);

        Assert.Equal("EXPR_TOO_LONG", error.Code);
        Assert.Contains("Task_1", error.Message);
    }

    [Fact]
    public void Long_literal_text_is_not_an_expression_and_is_not_limited()
    {
        var text = new string('x', 10_000);

        Assert.Equal(text, Eval(text)!.GetValue<string>());
    }

    [Fact]
    public void Concurrent_evaluation_from_many_threads_gives_right_results()
    {
        var failures = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var variables = Vars($$"""{"approved": {{(i % 2 == 0 ? "true" : "false")}}, "n": {{i}}}""");
            var approved = Evaluator.EvaluateCondition("${approved == true}", variables, "Gateway_1");
            var doubled = Evaluator.Evaluate("${ n * 2 }", variables, "Task_1")!.GetValue<long>();
            var text = Evaluator.Evaluate("n=${n}", variables, "Task_1")!.GetValue<string>();
            if (approved != (i % 2 == 0) || doubled != i * 2L || text != $"n={i}")
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Cache_stays_correct_when_it_overflows()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionSandboxOptions { MaxCachedExpressions = 3 });

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal((long)i, evaluator.Evaluate($"${{ {i} }}", Vars(), "Task_1")!.GetValue<long>());
        }
    }

    [Theory]
    [InlineData("${'x'.repeat(1<<28).length}")]
    [InlineData("${''.padStart(1e9, 'ab').length}")]
    [InlineData("${'a'.padEnd(2e8).length}")]
    [InlineData("${Array(50000).fill('x'.repeat(1000)).join('').length}")]
    [InlineData("${'a'.repeat(1000).replaceAll('a', 'b'.repeat(100000)).length}")]
    [InlineData("${JSON.stringify(Array(50000).fill('y'.repeat(1000))).length}")]
    [InlineData("${''.concat('z'.repeat(5e6), 'z'.repeat(5e6)).length}")]
    [InlineData("${new Array(1e9).length}")]
    [InlineData("${Array.from({length: 1e7}).length}")]
    public void A_built_in_call_cannot_allocate_past_the_memory_limit_before_the_limit_is_checked(string text)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var before = GC.GetAllocatedBytesForCurrentThread();
        // a generous time limit, so on a loaded machine the memory guard, not the clock, is what refuses
        var refused = Fails(text, evaluator: new JintExpressionEvaluator(new ExpressionSandboxOptions { Timeout = TimeSpan.FromSeconds(20) }));
        Assert.Equal("EXPR_MEMORY", refused.Code);
        Assert.Contains("Task_1", refused.Message, StringComparison.Ordinal);
        // the guard refuses before allocating: far less than the 512 MB the call asked for
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024, "allocated " + (GC.GetAllocatedBytesForCurrentThread() - before));
    }

    [Fact]
    public void Guarded_built_ins_still_work_within_the_limit_and_cannot_be_replaced()
    {
        Assert.Equal("ababab", Eval("${'ab'.repeat(3)}")!.GetValue<string>());
        Assert.Equal("007", Eval("${'7'.padStart(3, '0')}")!.GetValue<string>());
        Assert.Equal("a-b-c", Eval("${['a','b','c'].join('-')}")!.GetValue<string>());
        Assert.Equal("x1y1", Eval("${'x0y0'.replaceAll('0', '1')}")!.GetValue<string>());
        Assert.Equal("x1y0", Eval("${'x0y0'.replace('0', '1')}")!.GetValue<string>());
        Assert.Equal("{\"a\":[1,\"b\"]}", Eval("${JSON.stringify({a:[1,'b']})}")!.GetValue<string>());
        Assert.Equal("EXPR_RUNTIME", Fails("${ String.prototype.repeat = function () { return 'x'; } }").Code);
    }
}
