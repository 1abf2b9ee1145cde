namespace Decoupling.Engine.Model.Forms;

/// <summary>The Camunda 7 form field types the engine checks (custom types are refused at deploy).</summary>
public enum FormFieldType
{
    String,
    Long,
    Boolean,

    /// <summary>An ISO calendar date, yyyy-MM-dd (Camunda's default pattern is dd/MM/yyyy; our forms and API use ISO).</summary>
    Date,

    /// <summary>One of the field's declared <c>camunda:value</c> ids.</summary>
    Enum,
}
