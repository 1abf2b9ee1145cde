namespace Decoupling.Engine.Entities;

public enum InstanceState
{
    Active,
    Completed,
    Terminated,
    Cancelled,
}
