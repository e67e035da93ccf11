using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Common;

/// <summary>Query-string paging: <c>?page=1&amp;pageSize=20</c>.</summary>
/// <remarks>
/// Positional, so that <c>[AsParameters]</c> binding applies the defaults when the query omits them
/// (property initializers are not used by the binder: a missing page would bind as 0 and fail validation).
/// </remarks>
public sealed record PageRequest(
    [Range(1, 1_000_000)] [property: Description("1-based page number.")] int Page = 1,
    [Range(1, PageRequest.MaxPageSize)] [property: Description("Items per page, at most 100.")] int PageSize = 20)
{
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>One page of a list, with the total so a client can draw its pager.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
