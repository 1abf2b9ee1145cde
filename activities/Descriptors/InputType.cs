namespace Decoupling.Activities.Descriptors;

/// <summary>Field types of an activity input, as the designer's element templates know them.</summary>
public enum InputType
{
    String,
    Text,
    Boolean,
    Dropdown,
}
