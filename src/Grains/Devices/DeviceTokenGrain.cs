using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Devices;

[GenerateSerializer, Alias("op.DeviceTokenState")]
public sealed class DeviceTokenState
{
    [Id(0)]
    public DeviceBinding? Binding { get; set; }

    [Id(1)]
    public bool Revoked { get; set; }
}

public sealed class DeviceTokenGrain([PersistentState("device")] IPersistentState<DeviceTokenState> state) : Grain, IDeviceTokenGrain
{
    public async Task BindAsync(DeviceBinding binding)
    {
        if (state.State.Binding is not null) throw new ConflictException("This device token is already bound.");
        state.State.Binding = binding;
        await state.WriteStateAsync();
    }

    public Task<DeviceBinding?> ResolveAsync() => Task.FromResult(state.State.Revoked ? null : state.State.Binding);

    public async Task RevokeAsync()
    {
        if (state.State.Binding is null || state.State.Revoked) return;
        state.State.Revoked = true;
        await state.WriteStateAsync();
    }
}
