using Decoupling.Engine.Parsing;

namespace Decoupling.Engine.Tests.Parsing;

public class XmlSafetyTests
{
    [Fact]
    public void A_document_with_a_dtd_is_refused()
    {
        var xml = BpmnXml.Around("""<bpmn:task id="Node" />""").Replace("<bpmn:definitions", "<!DOCTYPE definitions>\n<bpmn:definitions", StringComparison.Ordinal);
        BpmnXml.AssertError(xml, "BPMN_XML_DTD", null);
    }

    [Fact]
    public void An_external_entity_is_refused_without_being_read()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P" name="&secret;" /></bpmn:definitions>
            """;
        var error = BpmnXml.AssertError(xml, "BPMN_XML_DTD", null);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Billion_laughs_is_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P" name="&lol3;" /></bpmn:definitions>
            """;
        var errors = BpmnParser.Validate(xml);
        Assert.Equal(["BPMN_XML_DTD"], errors.Select(e => e.Code));
    }

    [Fact]
    public void A_document_over_ten_million_characters_is_refused_before_reading()
    {
        var xml = BpmnXml.Around("""<bpmn:task id="Node" />""") + new string(' ', SecureXmlLoader.MaxCharacters);
        var error = BpmnXml.AssertError(xml, "BPMN_XML_TOO_LARGE", null);
        Assert.Contains(SecureXmlLoader.MaxCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var depth = 5000;
        var xml = BpmnXml.Around(
            """<bpmn:task id="Node" />""",
            "<bpmn:extensionElements>" + string.Concat(Enumerable.Repeat("<x:a xmlns:x=\"urn:x\">", depth))
                + string.Concat(Enumerable.Repeat("</x:a>", depth)) + "</bpmn:extensionElements>");
        BpmnXml.AssertError(xml, "BPMN_XML_TOO_DEEP", null);
    }

    [Fact]
    public void Nested_subprocesses_within_the_limit_are_accepted()
    {
        string Nest(int level) => level == 0
            ? """<bpmn:startEvent id="S0" /><bpmn:sequenceFlow id="F0a" sourceRef="S0" targetRef="E0" /><bpmn:endEvent id="E0" />"""
            : $"""<bpmn:startEvent id="S{level}" /><bpmn:sequenceFlow id="F{level}a" sourceRef="S{level}" targetRef="Sub{level}" /><bpmn:subProcess id="Sub{level}">{Nest(level - 1)}</bpmn:subProcess><bpmn:sequenceFlow id="F{level}b" sourceRef="Sub{level}" targetRef="E{level}" /><bpmn:endEvent id="E{level}" />""";
        var document = BpmnParser.Parse(BpmnXml.Process(Nest(20)));
        Assert.Equal(20, document.Processes[0].NodesById.Values.Count(n => n.Kind == Model.FlowNodeKind.SubProcess));
        Assert.Equal("Sub19", document.Processes[0].GetNode("Sub18").Parent!.Id);
    }

    [Fact]
    public void Many_predefined_and_character_entities_are_ordinary_text()
    {
        var text = string.Concat(Enumerable.Repeat("&amp;&lt;&#x4E2D;", 2000));
        var document = BpmnParser.Parse(BpmnXml.Around($"""<bpmn:task id="Node" name="{text}" />"""));
        Assert.Equal(6000, document.Processes[0].GetNode("Node").Name!.Length);
    }

    [Fact]
    public void Malformed_xml_is_refused_with_line_and_column()
    {
        var xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"P\">\n</bpmn:definitions>";
        var error = BpmnXml.AssertError(xml, "BPMN_XML_MALFORMED", null);
        Assert.Contains("第 3 行", error.Message, StringComparison.Ordinal);
        Assert.Contains("开始标签与结束标签不匹配", error.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,}", error.Message);
    }

    [Theory]
    [InlineData("<a>\n<b>\n</a>", "开始标签与结束标签不匹配")]
    [InlineData("<a>\n<b>", "还有元素没有闭合")]
    [InlineData("plain text", "不是 XML")]
    [InlineData("<a x=\"1\" x=\"2\" />", "重复的属性")]
    [InlineData("<a>&</a>", "无效的字符或实体引用")]
    [InlineData("<p:a />", "未声明的命名空间前缀")]
    public void Malformed_xml_is_explained_in_Chinese(string xml, string expected)
    {
        var error = BpmnXml.AssertError(xml, "BPMN_XML_MALFORMED", null);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_string_is_malformed()
    {
        BpmnXml.AssertError("", "BPMN_XML_MALFORMED", null);
    }

    [Fact]
    public void Xml_that_is_not_bpmn_is_refused()
    {
        BpmnXml.AssertError("<definitions xmlns=\"urn:other\" />", "BPMN_NOT_BPMN", null);
    }

    [Fact]
    public void A_document_without_a_process_is_refused()
    {
        BpmnXml.AssertError(BpmnXml.Header + "<bpmn:message id=\"M\" name=\"m\" /></bpmn:definitions>", "BPMN_NO_PROCESS", null);
    }

    [Fact]
    public void Parse_throws_with_every_error_listed_in_the_message()
    {
        var xml = BpmnXml.Around("""<bpmn:scriptTask id="Node" scriptFormat="groovy" />""");
        var ex = Assert.Throws<BpmnValidationException>(() => BpmnParser.Parse(xml, "bad.bpmn"));
        Assert.Equal("bad.bpmn", ex.ResourceName);
        Assert.Contains(ex.Errors, e => e.Code == "BPMN_SCRIPT_LANGUAGE_UNSUPPORTED" && e.ElementId == "Node");
        Assert.StartsWith("bad.bpmn", ex.Message, StringComparison.Ordinal);
        Assert.Contains("元素 Node：不支持脚本语言“groovy”", ex.Message, StringComparison.Ordinal);
        foreach (var error in ex.Errors)
        {
            Assert.Contains(error.ToString(), ex.Message, StringComparison.Ordinal);
        }
    }
}
