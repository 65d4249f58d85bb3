using Fluid.Ast;
using Fluid.Values;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Walks every branch of a parsed template (both sides of an if, the bodies of loops, case branches), not only those a
/// render would take, and collects what the validator checks: the variable paths it reads, the filters, the names it
/// defines itself (assign, capture, loop variables) and the tags notification templates do not allow.
/// </summary>
internal sealed class LiquidWalker : AstVisitor
{
    /// <summary>Each variable read as a dotted path ("job.address"); null segments mark an index that is not a plain name.</summary>
    public List<IReadOnlyList<string?>> Paths { get; } = [];

    public List<string> Filters { get; } = [];

    public HashSet<string> Locals { get; } = new(StringComparer.Ordinal) { "forloop", "tablerowloop" };

    public List<string> RefusedTags { get; } = [];

    protected override Expression VisitMemberExpression(MemberExpression member)
    {
        Paths.Add(member.Segments.Select(s => s switch
        {
            IdentifierSegment identifier => identifier.Identifier,
            IndexerSegment { Expression: LiteralExpression { Value: StringValue name } } => name.ToStringValue(null!), // a string needs no context to be read,
            _ => null,
        }).ToList());
        return base.VisitMemberExpression(member);
    }

    protected override Expression VisitFilterExpression(FilterExpression filter)
    {
        Filters.Add(filter.Name);
        return base.VisitFilterExpression(filter);
    }

    // Names the template defines itself may be read freely. Defined before the body is walked, as a loop's variable is
    // read inside it; the walk does not follow Liquid's order of assignment (a name read before its assign passes).
    protected override Statement VisitAssignStatement(AssignStatement assign) => Define(assign.Identifier, () => base.VisitAssignStatement(assign));

    protected override Statement VisitCaptureStatement(CaptureStatement capture) => Define(capture.Identifier, () => base.VisitCaptureStatement(capture));

    protected override Statement VisitForStatement(ForStatement loop) => Define(loop.Identifier, () => base.VisitForStatement(loop));

    protected override Statement VisitTableRowStatement(TableRowStatement loop) => Define(loop.Identifier, () => base.VisitTableRowStatement(loop));

    protected override Statement VisitIncrementStatement(IncrementStatement counter) => Define(counter.Identifier, () => base.VisitIncrementStatement(counter));

    protected override Statement VisitDecrementStatement(DecrementStatement counter) => Define(counter.Identifier, () => base.VisitDecrementStatement(counter));

    // Other templates and macros: a notification template stands alone (there is no file to include).
    protected override Statement VisitIncludeStatement(IncludeStatement include) => Refuse("include", include);

    protected override Statement VisitRenderStatement(RenderStatement render) => Refuse("render", render);

    protected override Statement VisitFromStatement(FromStatement from) => Refuse("from", from);

    protected override Statement VisitMacroStatement(MacroStatement macro) => Refuse("macro", macro);

    private Statement Define(string name, Func<Statement> walk)
    {
        Locals.Add(name);
        return walk();
    }

    private Statement Refuse(string tag, Statement statement)
    {
        RefusedTags.Add(tag);
        return statement;
    }
}
