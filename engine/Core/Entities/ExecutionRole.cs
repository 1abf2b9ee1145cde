namespace Decoupling.Engine.Entities;

public enum ExecutionRole
{
    Token,
    SubProcessScope,
    MultiInstanceBody,
    MultiInstanceInner,
    CallActivityWait,
    EventGatewayWait,
}
