using Decoupling.Host.Components.Services;

namespace Decoupling.Components.Tests;

public sealed class SignerTextTests
{
    [Fact]
    public void A_person_whose_name_carries_the_unit_is_named_once() =>
        Assert.Equal("临沂市罗庄区陶瓷行业协会 工作人员", SignerText.Of("临沂市罗庄区陶瓷行业协会", "临沂市罗庄区陶瓷行业协会 工作人员"));

    [Fact]
    public void A_person_named_without_the_unit_is_named_after_it() =>
        Assert.Equal("区经信局 张明", SignerText.Of("区经信局", "张明"));
}
