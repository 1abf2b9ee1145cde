using Decoupling.Application.Errors;
using Decoupling.Domain.Common;
using Decoupling.Domain.Resources;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Host.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace Decoupling.Host.Security;

/// <summary>
/// Turns refusals into RFC 9457 problem details with the Chinese message as <c>detail</c> and a stable <c>code</c>;
/// anything unexpected becomes a plain 500 without internals.
/// </summary>
public sealed class ProblemMapper(IProblemDetailsService problems, ILogger<ProblemMapper> log) : IExceptionHandler
{
    /// <summary>Bad input is 422 (413/415 for uploads), a missing thing 404, a refused state change 409.</summary>
    private static int StatusOf(string code) => code switch
    {
        _ when code.EndsWith("NOT_FOUND", StringComparison.Ordinal) || code == "NOT_FOUND" => 404,
        "DOCUMENT_TOO_LARGE" => 413,
        "DOCUMENT_TYPE_UNSUPPORTED" or "DOCUMENT_CONTENT_UNRECOGNISED" or "DOCUMENT_CONTENT_MISMATCH" => 415,
        _ when code.StartsWith("CREDIT_CODE", StringComparison.Ordinal) || code.StartsWith("FIELD_", StringComparison.Ordinal)
            || code.StartsWith("VALUE_", StringComparison.Ordinal) || code.StartsWith("EXCEL_", StringComparison.Ordinal)
            || code.StartsWith("CHECKLIST_ITEM_INCOMPLETE", StringComparison.Ordinal) || code == "CHECKLIST_RETURN_REASON_REQUIRED"
            || code == "DOCUMENT_EMPTY" || code == "VALIDATION_FAILED" || code == "ROUTING_DEPARTMENT_UNKNOWN" => 422,
        "SEAL_USER_NOT_AUTHORISED" or "SEAL_USER_NO_UNIT" => 403,
        _ => 409,
    };

    private static int StatusOf(EngineErrorKind kind) => kind switch
    {
        EngineErrorKind.Invalid => 422,
        EngineErrorKind.NotFound => 404,
        EngineErrorKind.Forbidden => 403,
        _ => 409,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, extra) = exception switch
        {
            BpmnValidationException invalid => (422, "BPMN_INVALID", invalid.Message, (object?)invalid.Errors.Select(e => new { e.ElementId, e.Code, e.Message })),
            EngineException e => (StatusOf(e.Kind), e.Code, e.Message, e.Field is null ? null : new[] { new { Field = e.Field, e.Code, e.Message } }),
            AppException e => (StatusOf(e.Kind), e.Code, e.Message, e.Field is null ? null : new[] { new { Field = e.Field, e.Code, e.Message } }),
            EngineConflictException e => (409, "CONFLICT", "数据刚被他人修改，请刷新后重试。", null),
            DomainValidationException e => (422, "VALIDATION", string.Join("；", e.Errors.Select(x => x.Message)), e.Errors.Select(x => new { x.Field, x.Code, x.Message })),
            DomainException e => (StatusOf(e.Code), e.Code, e.Message, null),
            RequestTooLargeException e => (413, e.Code, e.Message, new[] { new { ElementId = (string?)null, e.Code, e.Message } }),
            // Kestrel's own body limit (30 MB) is met before an endpoint's limit when the length is not declared
            BadHttpRequestException { StatusCode: 413 } => (413, "REQUEST_TOO_LARGE", DomainText.Get("REQUEST_TOO_LARGE"), null),
            // a body that is not the JSON the endpoint reads: say where (path, line, column) rather than only that it is wrong
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => (400, "REQUEST_JSON_INVALID",
                DomainText.Get("REQUEST_JSON_INVALID", json.Path ?? "$", (json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1), null),
            BadHttpRequestException e => (e.StatusCode, "BAD_REQUEST", "请求格式不正确。", null),
            _ => (500, "INTERNAL", "服务器内部错误，已记录。", null),
        };
        if (status == 500)
        {
            log.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        }

        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = code, Detail = detail };
        problem.Extensions["code"] = code;
        if (extra is not null)
        {
            problem.Extensions["errors"] = extra;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
