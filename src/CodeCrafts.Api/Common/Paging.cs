using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Common;

/// <summary>Query-string paging: <c>?page=1&amp;pageSize=20</c>.</summary>
/// <remarks>
/// Constructor parameters, not init properties: <c>[AsParameters]</c> binding honours a parameter's default
/// value but would bind an omitted property to 0.
/// </remarks>
public sealed record PageRequest(
    [property: Range(1, 1_000_000), Description("1-based page number.")] int Page = 1,
    [property: Range(1, PageRequest.MaxPageSize), Description("Items per page, at most 100.")] int PageSize = 20)
{
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>One page of a list, with the total so a client can draw its pager.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
