<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("govidRepresentationTitle")}
    <#elseif section = "form">
        <form id="govid-representation-form" action="${url.loginAction}" method="post">
            <fieldset id="govid-representation-choices" style="border:0;padding:0;margin:0 0 1rem 0">
                <legend>${msg("govidRepresentationQuestion")}</legend>
                <div class="${properties.kcFormGroupClass!}">
                    <input type="radio" id="representation-self" name="representation" value="self" checked>
                    <label for="representation-self">${msg("govidRepresentationSelf")}</label>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <input type="radio" id="representation-on-behalf" name="representation" value="on-behalf">
                    <label for="representation-on-behalf">${msg("govidRepresentationOnBehalf")}</label>
                </div>
                <p id="govid-representation-hint">${msg("govidRepresentationHint")}</p>
            </fieldset>
            <div class="${properties.kcFormButtonsClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                       type="submit" id="govid-representation-continue" value="${msg("doContinue")}"/>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
