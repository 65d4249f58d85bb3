namespace Orleans.Runtime;

/// <summary>A grain call that could not complete on the caller's thread: its caller awaits <see cref="Task"/>.</summary>
internal sealed class Request<T>(MethodSpec<T> spec, object?[] args, long chainId, long deadline) : Message(chainId, deadline)
{
    // Continuations run on the thread pool (or the caller's own activation) so a caller's code never runs
    // inside the callee's turn.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IncomingGrainCallContext? _filterContext;

    public Task<T> Task => _completion.Task;

    public MethodSpec<T> Spec => spec;

    public override bool IsAlwaysInterleave => spec.IsAlwaysInterleave;

    public override bool IsReadOnly => spec.IsReadOnly;

    public override Task Invoke(ActivationData activation)
    {
        var filters = activation.Runtime.IncomingFiltersFor(activation);
        if (filters is null) return spec.InvokeOnGrain(activation.GrainInstance!, args);
        _filterContext = new IncomingGrainCallContext(activation, spec, args, filters);
        return _filterContext.Invoke();
    }

    public override void SetCompleted(Task grainTask)
    {
        if (grainTask.IsFaulted)
        {
            var error = grainTask.Exception!;
            _completion.TrySetException(error.InnerExceptions.Count == 1 ? error.InnerException! : error);
        }
        else if (grainTask.IsCanceled) _completion.TrySetCanceled();
        else if (_filterContext is not null) _completion.TrySetResult(_filterContext.Result is T r ? r : default!);
        else _completion.TrySetResult(spec.GetResult(grainTask));
    }

    public override void SetFailed(Exception exception) => _completion.TrySetException(exception);

    public override string Describe() => $"{Target?.GrainId}.{spec.Name}";

    /// <summary>For a call started inline whose grain task is still running: finish the bookkeeping when it completes.</summary>
    public void TrackGrainTask(Task grainTask) =>
        grainTask.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => Target!.OnMessageDone(this, grainTask));

}
