using System.Globalization;
using System.Xml.Linq;
using Decoupling.Engine.Model;
using Decoupling.Engine.Model.Forms;
using static Decoupling.Engine.Parsing.BpmnNames;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// Reads the Camunda 7 contract of a node: <c>camunda:formData</c> (fields, types, constraints, enum values, properties)
/// and <c>camunda:taskListener</c>. Each mistake is reported once, naming the element and the field.
/// </summary>
internal static class BpmnFormReader
{
    private static readonly Dictionary<string, FormFieldType> Types = new(StringComparer.Ordinal)
    {
        ["string"] = FormFieldType.String,
        ["long"] = FormFieldType.Long,
        ["boolean"] = FormFieldType.Boolean,
        ["date"] = FormFieldType.Date,
        ["enum"] = FormFieldType.Enum,
    };

    private static readonly HashSet<string> Constraints = new(StringComparer.Ordinal)
    {
        "required", "readonly", "minlength", "maxlength", "min", "max", "requiredFor",
    };

    public static FormDefinition? ReadForm(XElement? extensions, string elementId, ValidationErrorList errors)
    {
        var formData = extensions?.Element(Camunda + "formData");
        if (formData is null)
        {
            return null;
        }

        var form = new FormDefinition();
        foreach (var element in formData.Elements(Camunda + "formField"))
        {
            var field = ReadField(element, elementId, errors);
            if (field is null)
            {
                continue;
            }

            if (form.Find(field.Id) is not null)
            {
                errors.Add(elementId, "BPMN_FORM_FIELD_DUPLICATE", field.Id);
                continue;
            }

            form.Fields.Add(field);
        }

        if (form.Fields.FirstOrDefault(f => f.Id == FormDefinition.OutcomeFieldId) is { Type: not FormFieldType.Enum })
        {
            errors.Add(elementId, "BPMN_FORM_OUTCOME_NOT_ENUM");
        }

        if (form.Outcome is { } outcome)
        {
            var required = outcome.Properties.GetValueOrDefault(FormDefinition.CommentRequiredProperty);
            foreach (var value in (required ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (value is not ("*" or "true") && outcome.Values.All(v => v.Id != value))
                {
                    errors.Add(elementId, "BPMN_FORM_COMMENT_OUTCOME_UNKNOWN", value);
                }
            }
        }

        return form;
    }

    private static FormField? ReadField(XElement element, string elementId, ValidationErrorList errors)
    {
        var id = Attr(element, "id");
        if (id is null)
        {
            errors.Add(elementId, "BPMN_FORM_FIELD_NO_ID");
            return null;
        }

        var typeName = Attr(element, "type") ?? "string";
        if (!Types.TryGetValue(typeName, out var type))
        {
            errors.Add(elementId, "BPMN_FORM_FIELD_TYPE_UNSUPPORTED", id, typeName);
            return null;
        }

        var values = new List<FormValue>();
        foreach (var value in element.Elements(Camunda + "value"))
        {
            var valueId = Attr(value, "id");
            if (valueId is null)
            {
                errors.Add(elementId, "BPMN_FORM_ENUM_VALUE_NO_ID", id);
                continue;
            }

            values.Add(new FormValue(valueId, Attr(value, "name") ?? valueId));
        }

        if (type == FormFieldType.Enum && values.Count == 0)
        {
            errors.Add(elementId, "BPMN_FORM_ENUM_NO_VALUES", id);
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.Element(Camunda + "properties")?.Elements(Camunda + "property") ?? [])
        {
            // form field properties use id/value (Camunda 7), element properties name/value; accept both
            if ((Attr(property, "id") ?? Attr(property, "name")) is { } name)
            {
                properties[name] = Attr(property, "value") ?? "";
            }
        }

        var constraints = ReadConstraints(element, elementId, id, type, errors);
        var defaultValue = Attr(element, "defaultValue");
        if (defaultValue is not null && !IsoTimer.IsExpression(defaultValue)
            && FormValues.Check(type, values, defaultValue) is { } problem)
        {
            errors.Add(elementId, "BPMN_FORM_DEFAULT_INVALID", id, defaultValue, problem);
        }

        return new FormField
        {
            Id = id,
            Label = Attr(element, "label"),
            Type = type,
            DefaultValue = defaultValue,
            Constraints = constraints,
            Values = values,
            Properties = properties,
        };
    }

    private static FormConstraints ReadConstraints(XElement element, string elementId, string fieldId, FormFieldType type, ValidationErrorList errors)
    {
        bool required = false, isReadonly = false;
        int? minLength = null, maxLength = null;
        string? min = null, max = null;
        IReadOnlyList<string> requiredFor = [];
        foreach (var constraint in element.Element(Camunda + "validation")?.Elements(Camunda + "constraint") ?? [])
        {
            var name = Attr(constraint, "name") ?? "";
            var config = Attr(constraint, "config");
            if (!Constraints.Contains(name))
            {
                errors.Add(elementId, "BPMN_FORM_CONSTRAINT_UNKNOWN", fieldId, name);
                continue;
            }

            switch (name)
            {
                case "required":
                    required = true;
                    break;
                case "readonly":
                    isReadonly = true;
                    break;
                case "requiredFor":
                    requiredFor = (config ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (requiredFor.Count == 0)
                    {
                        errors.Add(elementId, "BPMN_FORM_CONSTRAINT_CONFIG_INVALID", fieldId, name, config ?? "");
                    }

                    break;
                case "minlength" or "maxlength":
                    if (type != FormFieldType.String || !int.TryParse(config, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                    {
                        errors.Add(elementId, "BPMN_FORM_CONSTRAINT_CONFIG_INVALID", fieldId, name, config ?? "");
                        break;
                    }

                    if (name == "minlength")
                    {
                        minLength = length;
                    }
                    else
                    {
                        maxLength = length;
                    }

                    break;
                default:
                    var valid = type switch
                    {
                        FormFieldType.Long => long.TryParse(config, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                        FormFieldType.Date => config is not null && FormValues.TryDate(config, out _),
                        _ => false,
                    };
                    if (!valid)
                    {
                        errors.Add(elementId, "BPMN_FORM_CONSTRAINT_CONFIG_INVALID", fieldId, name, config ?? "");
                        break;
                    }

                    if (name == "min")
                    {
                        min = config;
                    }
                    else
                    {
                        max = config;
                    }

                    break;
            }
        }

        return new FormConstraints
        {
            Required = required, Readonly = isReadonly, MinLength = minLength, MaxLength = maxLength, Min = min, Max = max, RequiredFor = requiredFor,
        };
    }

    /// <summary>camunda:taskListener: only the complete event with a delegate expression naming a registered check.</summary>
    public static List<TaskListenerDefinition> ReadTaskListeners(XElement? extensions, string elementId, ValidationErrorList errors)
    {
        var listeners = new List<TaskListenerDefinition>();
        foreach (var listener in extensions?.Elements(Camunda + "taskListener") ?? [])
        {
            var eventName = Attr(listener, "event") ?? "";
            var expression = Attr(listener, "delegateExpression");
            if (expression is null)
            {
                // a Java class or an expression listener of a model made for Camunda: nothing here can run it
                continue;
            }

            var name = expression is not null && expression.StartsWith("${", StringComparison.Ordinal) && expression.EndsWith('}')
                ? expression[2..^1].Trim()
                : null;
            if (eventName != "complete" || name is null || name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            {
                errors.Add(elementId, "BPMN_TASK_LISTENER_UNSUPPORTED", eventName, expression ?? Attr(listener, "class") ?? Attr(listener, "expression") ?? "");
                continue;
            }

            listeners.Add(new TaskListenerDefinition(eventName, name));
        }

        return listeners;
    }

    private static string? Attr(XElement element, XName name)
    {
        var value = (string?)element.Attribute(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
