using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Expressions;
using Decoupling.Engine.Model;
using Decoupling.Engine.Model.Forms;
using Decoupling.Engine.Resources;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Forms;

/// <summary>
/// Checks what a person submits against the node's form and returns the variables to write: only declared, writable
/// fields, of their type and within their constraints; a declared outcome; a comment where the outcome requires one;
/// defaults for fields left out. Without a form (plain BPMN) anything goes except the process's protected variables.
/// Every refusal is an <see cref="EngineException"/> naming the field; the caller's step has written nothing yet.
/// </summary>
internal sealed class FormSubmission(IExpressionEvaluator expressions)
{
    public JsonObject Check(FlowNode node, ProcessDefinition process, ref string? outcome, JsonObject? submitted, string? comment, JsonObject view,
        string? completer = null)
    {
        var variables = submitted is null ? new JsonObject() : (JsonObject)submitted.DeepClone();
        var form = node.Form;
        if (form is null)
        {
            foreach (var (name, _) in variables)
            {
                RefuseProtected(process, name);
            }

            return variables;
        }

        if (variables.TryGetPropertyValue(FormDefinition.OutcomeFieldId, out var given) && form.Outcome is not null)
        {
            variables.Remove(FormDefinition.OutcomeFieldId);
            var text = given is JsonValue v && v.TryGetValue<string>(out var s) ? s : given?.ToJsonString();
            if (outcome is not null && text is not null && text != outcome)
            {
                throw Refuse(EngineErrors.FormOutcomeInvalid, FormDefinition.OutcomeFieldId, text, ValueList(form.Outcome));
            }

            outcome ??= text;
        }

        var result = new JsonObject();
        foreach (var (name, value) in variables)
        {
            var field = form.Find(name) ?? throw Refuse(EngineErrors.FormFieldUndeclared, name, name);
            if (!field.IsWritable)
            {
                throw Refuse(EngineErrors.FormFieldReadonly, name, field.DisplayName, name);
            }

            RefuseProtected(process, name);
            result[name] = CheckValue(field, value);
        }

        foreach (var field in form.Fields.Where(f => f.IsWritable && f.Id != FormDefinition.OutcomeFieldId && !result.ContainsKey(f.Id)))
        {
            // a field left out keeps what the form showed: the variable if set, else the default
            var fallback = CurrentValue(field, view, node.Id);
            if (fallback is not null)
            {
                result[field.Id] = CheckValue(field, fallback);
            }
            else if (field.Constraints.Required)
            {
                throw Refuse(EngineErrors.FormFieldRequired, field.Id, field.DisplayName, field.Id);
            }
        }

        CheckOutcome(form, outcome);
        if (form.Outcome is not null)
        {
            result[FormDefinition.OutcomeFieldId] = outcome;
        }

        var chosen = outcome;
        foreach (var field in form.Fields.Where(f => f.IsWritable && !f.Constraints.Required && f.Constraints.IsRequiredWith(chosen)))
        {
            if (result[field.Id] is null || (result[field.Id] is JsonValue text && text.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
            {
                throw Refuse(EngineErrors.FormFieldRequiredFor, field.Id, form.Outcome?.ValueName(outcome) ?? outcome ?? "", field.DisplayName, field.Id);
            }
        }

        if (form.CommentRequiredFor(outcome) && string.IsNullOrWhiteSpace(comment))
        {
            throw Refuse(EngineErrors.CommentRequired, "comment", node.DisplayName, form.Outcome?.ValueName(outcome) ?? outcome ?? "");
        }

        if (form.CommentVariable is { } commentVariable)
        {
            result[commentVariable] = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        }

        if (form.CompleterVariable is { } completerVariable && completer is not null)
        {
            result[completerVariable] = completer;
        }

        return result;
    }

    /// <summary>The value a field shows before anyone writes it: the variable if set, else its default.</summary>
    public JsonNode? CurrentValue(FormField field, JsonObject view, string elementId) =>
        view.TryGetPropertyValue(field.Id, out var value) && value is not null ? value.DeepClone() : Default(field, view, elementId);

    private JsonNode? Default(FormField field, JsonObject view, string elementId)
    {
        if (field.DefaultValue is null)
        {
            return null;
        }

        if (Parsing.IsoTimer.IsExpression(field.DefaultValue))
        {
            return expressions.Evaluate(field.DefaultValue, view, elementId);
        }

        return FormValues.FromText(field.Type, field.DefaultValue);
    }

    private static void CheckOutcome(FormDefinition form, string? outcome)
    {
        if (form.Outcome is not { } field)
        {
            if (outcome is not null)
            {
                throw Refuse(EngineErrors.FormNoOutcome, FormDefinition.OutcomeFieldId, outcome);
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw Refuse(EngineErrors.FormOutcomeRequired, FormDefinition.OutcomeFieldId, ValueList(field));
        }

        if (field.Values.All(v => v.Id != outcome))
        {
            throw Refuse(EngineErrors.FormOutcomeInvalid, FormDefinition.OutcomeFieldId, outcome, ValueList(field));
        }
    }

    private static JsonNode? CheckValue(FormField field, JsonNode? value)
    {
        var empty = value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()));
        if (empty)
        {
            if (field.Constraints.Required)
            {
                throw Refuse(EngineErrors.FormFieldRequired, field.Id, field.DisplayName, field.Id);
            }

            return value?.DeepClone();
        }

        if (!FormValues.HasType(field, value!))
        {
            throw Refuse(EngineErrors.FormFieldType, field.Id, field.DisplayName, field.Id, FormValues.TypeName(field.Type), Shorten(value!.ToJsonString()));
        }

        var c = field.Constraints;
        switch (field.Type)
        {
            case FormFieldType.Enum:
                var choice = value!.GetValue<string>();
                if (field.Values.All(x => x.Id != choice))
                {
                    throw Refuse(EngineErrors.FormFieldEnum, field.Id, field.DisplayName, field.Id, ValueList(field));
                }

                break;
            case FormFieldType.String:
                var text = value!.GetValue<string>();
                if (c.MinLength is { } min && text.Trim().Length < min)
                {
                    throw Refuse(EngineErrors.FormFieldMinLength, field.Id, field.DisplayName, field.Id, min);
                }

                if (c.MaxLength is { } max && text.Length > max)
                {
                    throw Refuse(EngineErrors.FormFieldMaxLength, field.Id, field.DisplayName, field.Id, max);
                }

                break;
            case FormFieldType.Long:
                FormValues.TryLong(value!, out var number);
                if (c.Min is { } lo && number < long.Parse(lo, CultureInfo.InvariantCulture))
                {
                    throw Refuse(EngineErrors.FormFieldMin, field.Id, field.DisplayName, field.Id, lo);
                }

                if (c.Max is { } hi && number > long.Parse(hi, CultureInfo.InvariantCulture))
                {
                    throw Refuse(EngineErrors.FormFieldMax, field.Id, field.DisplayName, field.Id, hi);
                }

                break;
            case FormFieldType.Date:
                FormValues.TryDate(value!.GetValue<string>(), out var date);
                if (c.Min is { } from && FormValues.TryDate(from, out var first) && date < first)
                {
                    throw Refuse(EngineErrors.FormFieldMin, field.Id, field.DisplayName, field.Id, from);
                }

                if (c.Max is { } to && FormValues.TryDate(to, out var last) && date > last)
                {
                    throw Refuse(EngineErrors.FormFieldMax, field.Id, field.DisplayName, field.Id, to);
                }

                break;
        }

        return field.Type == FormFieldType.Long && FormValues.TryLong(value!, out var whole) ? JsonValue.Create(whole) : value!.DeepClone();
    }

    public static void RefuseProtected(ProcessDefinition process, string name)
    {
        if (process.ProtectedVariables.Contains(name))
        {
            throw Refuse(EngineErrors.VariableProtected, name, name);
        }
    }

    private static EngineException Refuse(EngineError error, string field, params object?[] args) =>
        new(error, EngineText.Get(error, args), field);

    private static string ValueList(FormField field) => string.Join("、", field.Values.Select(v => $"{v.Id}（{v.Name}）"));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
