using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Identity;

[GenerateSerializer, Alias("op.UserLoginState")]
public sealed class UserLoginState
{
    [Id(0)]
    public UserLogin? Login { get; set; }
}

public sealed class UserLoginGrain([PersistentState("login")] IPersistentState<UserLoginState> state) : Grain, IUserLoginGrain
{
    public async Task RegisterAsync(UserLogin login)
    {
        if (state.State.Login is not null) throw new ConflictException($"A user with email {login.Email} already exists.");
        state.State.Login = login;
        await state.WriteStateAsync();
    }

    public Task<UserLogin?> GetAsync() => Task.FromResult(state.State.Login);

    public async Task ChangePasswordHashAsync(string passwordHash)
    {
        var login = state.State.Login ?? throw new NotFoundException("No such user.");
        state.State.Login = login with { PasswordHash = passwordHash };
        await state.WriteStateAsync();
    }
}
