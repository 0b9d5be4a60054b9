<#import "template.ftl" as layout>
<#-- Copied from Keycloak 26.7.0 base/login/login-page-expired.ftl (docs/keycloak-internals.md): the two "Click here ."
     links inside a sentence become one explanation and two buttons. Same URLs and link ids. -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("pageExpiredTitle")}
    <#elseif section = "form">
        <p id="instruction1">${msg("govidPageExpiredExplanation")}</p>
        <div class="govid-actions">
            <a class="govid-button govid-button--primary" id="loginRestartLink" href="${url.loginRestartFlowUrl}">${msg("govidPageExpiredRestart")}</a>
            <a class="govid-button govid-button--secondary" id="loginContinueLink" href="${url.loginAction}">${msg("govidPageExpiredContinue")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
