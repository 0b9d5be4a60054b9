<#import "template.ftl" as layout>
<#import "branding.ftl" as brand>
<#-- The govid theme's look of the mandate room's "for myself / on behalf of someone" step (same fields). -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${brand.text("govidRepresentationTitle")}
    <#elseif section = "form">
        <form id="govid-representation-form" action="${url.loginAction}" method="post">
            <fieldset id="govid-representation-choices" class="govid-choices" aria-describedby="govid-representation-hint">
                <legend>${brand.text("govidRepresentationQuestion", brand.appName())}</legend>
                <div class="govid-choice">
                    <input type="radio" id="representation-self" name="representation" value="self" checked>
                    <label for="representation-self">${msg("govidRepresentationSelf")}</label>
                </div>
                <div class="govid-choice">
                    <input type="radio" id="representation-on-behalf" name="representation" value="on-behalf">
                    <label for="representation-on-behalf">${msg("govidRepresentationOnBehalf")}</label>
                </div>
            </fieldset>
            <p class="govid-hint" id="govid-representation-hint">${msg("govidRepresentationHint")}</p>
            <div class="govid-actions">
                <button class="govid-button govid-button--primary" type="submit" id="govid-representation-continue">${msg("doContinue")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
