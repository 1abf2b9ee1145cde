namespace Decoupling.Activities.Infrastructure;

/// <summary>
/// A required input is missing or malformed: a modelling error, not a business outcome. The engine treats it as a
/// technical failure (retries, then an incident naming the element), so an administrator fixes the model or the data.
/// </summary>
public sealed class ActivityInputException(string topic, string input, string message)
    : Exception($"活动 {topic} 的输入“{input}”无效：{message}")
{
    public string Topic { get; } = topic;

    public string Input { get; } = input;
}
