; Included by electron-builder's NSIS installer (electron-builder.config.cjs → nsis.include).
; "Send to → Ferry" in Explorer, and the ferry:// handler for the current user.

!macro customInstall
  CreateShortCut "$SENDTO\Ferry.lnk" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" 0
  WriteRegStr HKCU "Software\Classes\ferry" "" "URL:Ferry connection link"
  WriteRegStr HKCU "Software\Classes\ferry" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\ferry\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  ; "--" ends Chromium's switches: a crafted link cannot smuggle in --gpu-launcher= and friends.
  WriteRegStr HKCU "Software\Classes\ferry\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!macroend

!macro customUnInstall
  Delete "$SENDTO\Ferry.lnk"
  DeleteRegKey HKCU "Software\Classes\ferry"
!macroend
