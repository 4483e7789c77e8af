using System.Threading;
using System.Threading.Tasks;
using BookingApp.Legacy.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Legacy.Controllers;

public sealed record LoginRequest(string Email, string Password);

public sealed record LoginResponse(string Token);

[ApiController]
[Route("api/auth")]
public sealed class AuthController : ControllerBase
{
    private readonly LoginService _login;

    public AuthController(LoginService login)
    {
        _login = login;
    }

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<ActionResult<LoginResponse>> Login(LoginRequest request, CancellationToken cancellationToken) =>
        await _login.SignInAsync(request.Email, request.Password, cancellationToken) is { } token
            ? new LoginResponse(token)
            : Unauthorized();
}
