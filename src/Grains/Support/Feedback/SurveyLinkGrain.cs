using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Support.Feedback;

[GenerateSerializer, Alias("op.SurveyLinkState")]
public sealed class SurveyLinkState
{
    [Id(0)]
    public SurveyRef? Survey { get; set; }
}

public sealed class SurveyLinkGrain([PersistentState("survey-link")] IPersistentState<SurveyLinkState> state) : Grain, ISurveyLinkGrain
{
    public async Task BindAsync(SurveyRef survey)
    {
        if (state.State.Survey is { } bound)
        {
            if (bound == survey) return;
            throw new ConflictException("This survey link was already issued.");
        }

        state.State.Survey = survey;
        await state.WriteStateAsync();
    }

    public Task<SurveyRef?> ResolveAsync() => Task.FromResult(state.State.Survey);
}
