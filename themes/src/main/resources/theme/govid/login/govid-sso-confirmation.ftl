<#import "template.ftl" as layout>
<#import "branding.ftl" as brand>
<#-- MOA-ID's SSO confirmation ("Single-Sign-On Anmeldeabfrage"): who is signed in, and where the login goes. -->
<@layout.registrationLayout displayMessage=true showAttemptedUsername=false; section>
    <#if section = "header">
        ${brand.text("govidSsoTitle")}
    <#elseif section = "form">
        <#assign app = brand.appName()>
        <p id="govid-sso-signed-in-as">${msg("govidSsoSignedInAs")} <strong id="govid-sso-user">${(govidSsoUser.displayName)!""}</strong><#if (govidSsoUser.representing)??> <span id="govid-sso-representing">${msg("govidSsoOnBehalfOf")} <strong>${govidSsoUser.representing}</strong></span></#if></p>
        <p id="govid-sso-question">${brand.text("govidSsoQuestion", app)}</p>
        <form id="govid-sso-form" action="${url.loginAction}" method="post" class="govid-actions">
            <button class="govid-button govid-button--primary" type="submit" name="govid-sso" value="continue" id="govid-sso-continue">${msg("govidSsoContinue", app)}</button>
            <button class="govid-button govid-button--secondary" type="submit" name="govid-sso" value="cancel" id="govid-sso-cancel">${msg("govidSsoCancel")}</button>
        </form>
        <p class="govid-hint" id="govid-sso-hint">${msg("govidSsoOtherPersonHint")}</p>
    </#if>
</@layout.registrationLayout>
